using System.Text.Json;
using System.Text.Json.Serialization;

namespace VendorScreen;

/// <summary>
/// Source-generated JSON contracts for requests and results: serialising and reading them needs no reflection, so it works trimmed
/// and ahead-of-time compiled. Property names are camel case, enums are their names as strings, <see langword="null"/> values are
/// left out, and a <see cref="FactDate"/> is a string (<c>2023-02</c>).
/// </summary>
/// <remarks>
/// <para>Use a type's contract, such as <c>JsonSerializer.Serialize(result, VendorScreenJsonContext.Default.ScreeningResult)</c>,
/// or the <see cref="JsonSerializerContext.Options"/> of <see cref="Default"/> (whose only resolver is this context, so a type it
/// does not cover fails rather than falling back to reflection). Added to an application's own options
/// (<see cref="JsonSerializerOptions.TypeInfoResolverChain"/>, as ASP.NET Core does), the contracts follow that application's
/// naming and null handling instead.</para>
/// <para>A request declared as <see cref="ScreeningRequest"/> (a list of requests, <see cref="ScreeningResult.Request"/>) is written
/// with a first property <c>"type"</c>: <c>"party"</c> or <c>"product"</c>; reading it needs that property first, as
/// System.Text.Json 8 reads it. A result carries its request, so a stored result is the evidence of one screening on its own.</para>
/// <para>Reading fails with a <see cref="JsonException"/> that names the path when a required member of a result (<c>decision</c>,
/// <c>reason</c>, <c>datasetVersion</c>, <c>algorithm</c>, <c>policy</c>, a hit's fields) is missing, when the <c>type</c> of a
/// request is missing or unknown, or when a date is malformed; a party without a <c>name</c> (or with an empty one) fails with
/// the <see cref="ArgumentException"/> of its constructor, naming <c>name</c>. A request read from JSON is checked like any other
/// when it is screened (<see cref="ScreeningRequest.MaxTextLength"/>, <see langword="null"/> items).</para>
/// <para>The instance is immutable and safe for concurrent use.</para>
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ScreeningRequest))]
[JsonSerializable(typeof(PartyScreeningRequest))]
[JsonSerializable(typeof(ProductScreeningRequest))]
[JsonSerializable(typeof(IReadOnlyList<ScreeningRequest>))]
[JsonSerializable(typeof(ScreeningResult))]
[JsonSerializable(typeof(IReadOnlyList<ScreeningResult>))]
[JsonSerializable(typeof(ScreeningBatchResult))]
public sealed partial class VendorScreenJsonContext : JsonSerializerContext;
