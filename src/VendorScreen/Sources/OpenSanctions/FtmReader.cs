using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.OpenSanctions;

/// <summary>One FollowTheMoney entity as read from a line: id, schema, properties (every value a list of strings) and
/// the datasets it came from.</summary>
internal sealed record FtmEntity(int Line, string Id, string Schema, IReadOnlyDictionary<string, string[]> Properties, IReadOnlyList<string> Datasets, string? Caption)
{
    /// <summary>Gets whether the producer marks the entity as a target (<c>"target": true</c>): a listed person or company itself,
    /// not only one linked to it.</summary>
    public bool Target { get; init; }

    /// <summary>Gets the values of a property, or none.</summary>
    public string[] this[string property] => Properties.TryGetValue(property, out var values) ? values : [];

    /// <summary>Gets the first value of a property, or null.</summary>
    public string? First(string property) => this[property].Select(ListText.Clean).FirstOrDefault(v => v is not null);
}

/// <summary>The entities of an FtM file, the lines the reader rejected, and the SHA-256 of the bytes read.</summary>
internal sealed record FtmDocument(IReadOnlyList<FtmEntity> Entities, IReadOnlyList<RejectedRecord> Rejected, string Sha256) : IListDocument;

/// <summary>Reads FollowTheMoney JSON lines (<c>entities.ftm.json</c>: one JSON object per line with <c>id</c>,
/// <c>schema</c> and <c>properties</c>) from a stream, hashing the bytes as it goes. Entities of schemata the mapper does
/// not use (addresses, documents, ...) are skipped without keeping their properties.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class FtmReader
{
    /// <summary>The longest line accepted, in bytes.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    /// <summary>Reads all lines of a stream.</summary>
    /// <exception cref="SanctionListSourceException">A line is longer than <see cref="MaxLineBytes"/> or the stream cannot be read.</exception>
    public static FtmDocument Read(Stream stream, string sourceName, string location, CancellationToken cancellationToken = default)
    {
        var entities = new List<FtmEntity>();
        var rejected = new List<RejectedRecord>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new ArrayBufferWriter<byte>(64 * 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var lineNumber = 1;
        try
        {
            int read;
            while ((read = ReadChunk(stream, buffer, sourceName, location)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(buffer, 0, read);
                var span = buffer.AsSpan(0, read);
                while (span.Length > 0)
                {
                    var newline = span.IndexOf((byte)'\n');
                    var part = newline < 0 ? span : span[..newline];
                    if (line.WrittenCount + part.Length > MaxLineBytes)
                    {
                        throw new SanctionListSourceException(sourceName, $"{location}:{lineNumber}", $"line longer than the limit of {MaxLineBytes} bytes");
                    }

                    line.Write(part);
                    if (newline < 0)
                    {
                        break;
                    }

                    ParseLine(line.WrittenSpan, lineNumber, location, entities, rejected);
                    line.Clear();
                    lineNumber++;
                    span = span[(newline + 1)..];
                }
            }

            ParseLine(line.WrittenSpan, lineNumber, location, entities, rejected);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new FtmDocument(entities, rejected, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
    }

    private static int ReadChunk(Stream stream, byte[] buffer, string sourceName, string location)
    {
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (IOException ex)
        {
            throw new SanctionListSourceException(sourceName, location, ex.Message, ex);
        }
    }

    private static void ParseLine(ReadOnlySpan<byte> bytes, int lineNumber, string location, List<FtmEntity> entities, List<RejectedRecord> rejected)
    {
        if (lineNumber == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var trimmed = bytes.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']);
        if (trimmed.IsEmpty)
        {
            return;
        }

        var position = $"{location}:{lineNumber}";
        var invalid = Utf8Validation.FirstInvalidByte(trimmed);
        if (invalid >= 0)
        {
            rejected.Add(new RejectedRecord(position, $"not valid UTF-8 at byte {invalid + 1} of the line"));
            return;
        }

        try
        {
            var reader = new Utf8JsonReader(trimmed, new JsonReaderOptions { MaxDepth = 16 });
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                rejected.Add(new RejectedRecord(position, "a line must hold one JSON object"));
                return;
            }

            var id = String(root, "id");
            var schema = String(root, "schema");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(schema))
            {
                rejected.Add(new RejectedRecord(position, "an entity needs \"id\" and \"schema\""));
                return;
            }

            if (!FtmSchemata.IsUsed(schema))
            {
                return;
            }

            var properties = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (root.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in props.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Array)
                    {
                        properties[p.Name] = p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray();
                    }
                    else if (p.Value.ValueKind == JsonValueKind.String)
                    {
                        properties[p.Name] = [p.Value.GetString()!];
                    }
                }
            }

            var datasets = root.TryGetProperty("datasets", out var ds) && ds.ValueKind == JsonValueKind.Array
                ? ds.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
                : [];
            var target = root.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.True;
            entities.Add(new FtmEntity(lineNumber, id, schema, properties, datasets, String(root, "caption")) { Target = target });
        }
        catch (JsonException ex)
        {
            rejected.Add(new RejectedRecord(position, "not valid JSON: " + ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json decodes strings lazily: an escaped unpaired surrogate ("\ud800") fails only here.
            rejected.Add(new RejectedRecord(position, "a string is not valid Unicode text: " + ex.Message));
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
