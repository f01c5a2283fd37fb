using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VendorScreen.Cli.Output;

/// <summary>The JSON every command writes: one compact object per line, with the relaxed escaping that keeps names in any script
/// readable, and the value shapes the outputs share (string arrays, values that may be <c>null</c>).</summary>
internal static class JsonLine
{
    /// <summary>The writer options of every JSON line.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Writes one JSON value and returns it as text.</summary>
    /// <param name="write">Writes the value.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(Action<Utf8JsonWriter> write) => Write(new ArrayBufferWriter<byte>(), write);

    /// <summary>Writes one JSON value into a buffer kept between values and returns it as text.</summary>
    /// <param name="buffer">The buffer; what it holds is cleared first.</param>
    /// <param name="write">Writes the value.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        WriteUtf8(buffer, write);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one JSON value into a buffer kept between values, as UTF-8.</summary>
    /// <param name="buffer">The buffer; what it holds is cleared first, and it holds the value afterwards.</param>
    /// <param name="write">Writes the value.</param>
    public static void WriteUtf8(ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        buffer.Clear();
        using var json = new Utf8JsonWriter(buffer, Options);
        write(json);
    }

    /// <summary>Writes an array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes an array of objects, one per item.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="items">The items.</param>
    /// <param name="writeProperties">Writes the properties of an item's object.</param>
    public static void WriteObjects<T>(this Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeProperties)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeProperties(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes a string, or <c>null</c>.</summary>
    public static void WriteNullable(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes a number, or <c>null</c>.</summary>
    public static void WriteNullable(this Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes a moment, or <c>null</c>.</summary>
    public static void WriteNullable(this Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } moment)
        {
            json.WriteString(name, moment);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
