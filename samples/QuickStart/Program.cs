// Quick start without dependency injection: screen a supplier and a product listing on the embedded dataset.
using VendorScreen;

// 1. Build an engine over the embedded default dataset (no download, no server).
using var engine = new ScreeningEngineBuilder()
    .Configure(o => o.ReviewThreshold = 0.80)
    .Build();

// 2. Screen a supplier by name.
var supplier = await engine.ScreenAsync(ScreeningRequest.ForParty("Hangzhou Hikvision Digital Technology Co., Ltd."));
Console.WriteLine($"Supplier: {supplier.Decision} ({supplier.DecidingRule}): {supplier.Reason}");

// 3. Screen a marketplace listing: the brand leads to the maker behind the label.
var listing = await engine.ScreenAsync(ScreeningRequest.ForProduct() with
{
    Title = "C6N 1080p Indoor Wi-Fi Security Camera",
    Brand = "EZVIZ",
    Seller = "Best Home Deals",
});
Console.WriteLine($"Listing:  {listing.Decision} ({listing.DecidingRule}): {listing.Reason}");

// 4. Show the evidence: matched name, score, path through the ownership graph, and the lists that apply.
foreach (var hit in listing.Hits.Where(h => h.Decision == listing.Decision))
{
    var path = string.Join(" -> ", hit.Path.Select(p => $"{p.FromName} [{p.Kind.ToKebabCase()}, {p.Relation.Confidence}] {p.ToName}"));
    Console.WriteLine($"  {hit.Field} \"{hit.Query}\" matched \"{hit.MatchedName}\" ({hit.Score:0.00}); {path}; lists: {string.Join(", ", hit.Listings.Select(l => l.ListId))}");
}

// 5. Ownership changes are dated: Lorex belonged to Dahua until February 2023.
foreach (var asOf in new[] { new DateOnly(2021, 6, 1), new DateOnly(2026, 11, 29) })
{
    var lorex = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Lorex", AsOf = asOf });
    Console.WriteLine($"Lorex as of {asOf:yyyy-MM-dd}: {lorex.Decision} ({lorex.DecidingRule})");
}
