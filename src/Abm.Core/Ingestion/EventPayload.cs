using System.Text;
using System.Text.Json;

namespace Abm.Core.Ingestion;

/// <summary>One record of a request: its JSON, or why it could not be read.</summary>
/// <param name="Index">Zero-based position in the array, or among the non-blank NDJSON lines.</param>
public sealed record RawRecord(int Index, JsonElement? Json, string? Error);

/// <summary>A record the events API rejected, by index, with the field and the reason.</summary>
public sealed record IngestionError(int Index, string Field, string Reason);

/// <summary>Splits an events API body, a JSON array or NDJSON (one object per line), into records.</summary>
public static class EventPayload
{
    /// <summary>Parses a body. A malformed NDJSON line is one bad record; a malformed array fails the whole body.</summary>
    /// <exception cref="FormatException">The body is neither a JSON array nor NDJSON; the message says what was found.</exception>
    public static IReadOnlyList<RawRecord> Parse(ReadOnlyMemory<byte> body)
    {
        var span = body.Span;
        var start = 0;
        while (start < span.Length && (span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || IsBom(span, start)))
        {
            start += IsBom(span, start) ? 3 : 1;
        }

        if (start == span.Length)
        {
            throw new FormatException("The body is empty: send a JSON array of events or one JSON object per line (NDJSON).");
        }

        return span[start] == (byte)'[' ? ParseArray(body[start..]) : ParseLines(body[start..]);
    }

    private static List<RawRecord> ParseArray(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The body is not valid JSON ({ex.Message}); fix the array, or send NDJSON so that one bad line does not reject the rest.", ex);
        }

        using (document)
        {
            return document.RootElement.EnumerateArray().Select((element, index) => new RawRecord(index, element.Clone(), null)).ToList();
        }
    }

    private static List<RawRecord> ParseLines(ReadOnlyMemory<byte> body)
    {
        var records = new List<RawRecord>();
        var rest = body;
        var line = 0;
        while (!rest.IsEmpty)
        {
            line++;
            var end = rest.Span.IndexOf((byte)'\n');
            var text = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (IsBlank(text.Span))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                records.Add(new RawRecord(records.Count, document.RootElement.Clone(), null));
            }
            catch (JsonException ex)
            {
                var preview = Encoding.UTF8.GetString(text.Span[..Math.Min(text.Length, 60)]);
                records.Add(new RawRecord(records.Count, null, $"line {line} is not valid JSON ({ex.Message}): {preview}"));
            }
        }

        return records;
    }

    private static bool IsBlank(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBom(ReadOnlySpan<byte> span, int at) =>
        at + 2 < span.Length && span[at] == 0xEF && span[at + 1] == 0xBB && span[at + 2] == 0xBF;
}
