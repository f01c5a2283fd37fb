// Dependency injection: register VendorScreen in a host's service collection and screen purchase-order lines.
using Microsoft.Extensions.DependencyInjection;
using VendorScreen;

// 1. Register VendorScreen (options are validated when the provider starts the engine).
var services = new ServiceCollection();
services.AddVendorScreen(options =>
{
    options.MatchThreshold = 0.92;
    options.ReviewThreshold = 0.80;
    options.Policy = "federal-contractor";
});

// 2. A second, named engine that only considers sanctions lists, resolvable as a keyed service.
services.AddVendorScreen("sanctions", options => options.Policy = "sanctions-only");
services.AddSingleton<PurchaseOrderScreening>();

await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

// 3. Screen a batch of purchase-order lines.
var screening = provider.GetRequiredService<PurchaseOrderScreening>();
await screening.CheckAsync(
[
    ScreeningRequest.ForParty("Sepura plc") with { Id = "PO-1001" },
    ScreeningRequest.ForProduct() with { Id = "PO-1002", Brand = "Imou", Title = "Imou Ranger 2 indoor camera" },
    ScreeningRequest.ForParty("Axis Communications AB") with { Id = "PO-1003" },
]);

internal sealed class PurchaseOrderScreening(IScreeningEngine engine, [FromKeyedServices("sanctions")] IScreeningEngine sanctions)
{
    public async Task CheckAsync(IReadOnlyList<ScreeningRequest> lines)
    {
        var batch = await engine.ScreenBatchAsync(lines);
        var sanctionsOnly = await sanctions.ScreenBatchAsync(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var result = batch.Results[i];
            Console.WriteLine($"{result.RequestId}: {result.Decision} [{result.Policy}: {result.DecidingRule}] {result.Reason}");
            Console.WriteLine($"{"",8}sanctions-only: {sanctionsOnly.Results[i].Decision}");
        }
    }
}
