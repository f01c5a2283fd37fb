using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using VendorScreen;

// A purchasing service that screens suppliers and listings over HTTP.
// The lists load while the host starts and refresh in the background (section "VendorScreen" of appsettings.json).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddVendorScreen(builder.Configuration.GetSection("VendorScreen"));
builder.Services.AddHealthChecks().AddVendorScreen();

var app = builder.Build();

// POST /screen {"name": "...", "country": "..."} or {"title": "...", "brand": "...", "fccId": "..."}
app.MapPost("/screen", async (ScreenBody body, IScreeningEngine engine, CancellationToken cancellationToken) =>
{
    ScreeningRequest request;
    if (!string.IsNullOrWhiteSpace(body.Name))
    {
        request = ScreeningRequest.ForParty(body.Name) with { Id = body.Id, Country = body.Country };
    }
    else if (!string.IsNullOrWhiteSpace(body.Title) || !string.IsNullOrWhiteSpace(body.Brand) || !string.IsNullOrWhiteSpace(body.FccId))
    {
        request = new ProductScreeningRequest
        {
            Id = body.Id,
            Country = body.Country,
            Title = body.Title,
            Brand = body.Brand,
            Manufacturer = body.Manufacturer,
            Model = body.Model,
            FccId = body.FccId,
        };
    }
    else
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Give a name (a party) or a title, brand or fccId (a listing)."] });
    }

    var result = await engine.ScreenAsync(request, cancellationToken);
    return Results.Ok(new
    {
        id = result.RequestId,
        decision = result.Decision.ToString().ToLowerInvariant(),
        reason = result.Reason,
        rule = result.DecidingRule,
        datasetVersion = result.DatasetVersion,
        hits = result.Hits.Select(h => new
        {
            field = h.Field,
            entityId = h.EntityId,
            entityName = h.EntityName,
            matchedName = h.MatchedName,
            score = h.Score,
            lists = h.Listings.Select(l => l.ListId).Distinct(),
            decision = h.Decision.ToString().ToLowerInvariant(),
        }),
    });
});

// GET /health: 200 Healthy or Degraded (a refresh failed; the last good lists are served), 503 Unhealthy (results are Incomplete).
app.MapHealthChecks("/health", new HealthCheckOptions
{
    ResponseWriter = static (context, report) =>
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });
    },
});

await app.RunAsync();

/// <summary>The body of <c>POST /screen</c>.</summary>
internal sealed record ScreenBody(string? Id, string? Name, string? Country, string? Title, string? Brand, string? Manufacturer, string? Model, string? FccId);
