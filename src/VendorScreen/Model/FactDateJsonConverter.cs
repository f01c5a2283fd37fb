using System.Text.Json;
using System.Text.Json.Serialization;

namespace VendorScreen;

/// <summary>Reads and writes a <see cref="FactDate"/> as a JSON string of the form <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal sealed class FactDateJsonConverter : JsonConverter<FactDate>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">The value is not a string, or not a date of one of the three forms.</exception>
    public override FactDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A fact date must be a string of the form yyyy, yyyy-MM or yyyy-MM-dd, not {reader.TokenType}.");
        }

        var text = reader.GetString();
        return FactDate.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a date of the form yyyy, yyyy-MM or yyyy-MM-dd.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FactDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
