using System.Text.Json.Serialization;

namespace VendorScreen.Audit;

/// <summary>Source-generated JSON contracts of the audit trail and dispositions, with the conventions of
/// <see cref="VendorScreenJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ScreeningAuditRecord))]
[JsonSerializable(typeof(ScreeningDisposition))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
