using System.Globalization;
using System.Text;

namespace Abm.Bot.Slack.BlockKit;

/// <summary>
/// Escaping and shortening for Slack text. Only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are
/// escaped, because those are the only entities Slack decodes; shortening cuts on grapheme
/// boundaries (<see cref="StringInfo"/>) and never inside an entity, and ends with an ellipsis.
/// </summary>
public static class SlackText
{
    public const string Ellipsis = "…";

    /// <summary>Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> for mrkdwn and message text.</summary>
    public static string Escape(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        if (raw.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length + 16);
        foreach (var c in raw)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/> on text Slack sends, such as a message's <c>text</c>.</summary>
    public static string Unescape(string? escaped) =>
        string.IsNullOrEmpty(escaped)
            ? string.Empty
            : escaped.Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Escapes data for mrkdwn and shortens the result to at most <paramref name="maxLength"/> UTF-16 units.</summary>
    public static string EscapeAndShorten(string? raw, int maxLength) => Shorten(Escape(raw), maxLength);

    /// <summary>
    /// Shortens text to at most <paramref name="maxLength"/> UTF-16 units, ending with "…" when
    /// cut. Cuts only between graphemes and never inside <c>&amp;amp;</c>, <c>&amp;lt;</c> or <c>&amp;gt;</c>.
    /// </summary>
    public static string Shorten(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrEmpty(text) || text.Length <= maxLength)
        {
            return text ?? string.Empty;
        }

        var budget = maxLength - Ellipsis.Length;
        var end = 0;
        while (end < text.Length)
        {
            var unit = NextUnitLength(text, end);
            if (end + unit > budget)
            {
                break;
            }

            end += unit;
        }

        return string.Concat(text.AsSpan(0, end), Ellipsis);
    }

    /// <summary>Length of the grapheme or entity that starts at <paramref name="index"/>.</summary>
    private static int NextUnitLength(string text, int index)
    {
        if (text[index] == '&')
        {
            var rest = text.AsSpan(index);
            foreach (var entity in (ReadOnlySpan<string>)["&amp;", "&lt;", "&gt;"])
            {
                if (rest.StartsWith(entity, StringComparison.Ordinal))
                {
                    return entity.Length;
                }
            }
        }

        return StringInfo.GetNextTextElementLength(text.AsSpan(index));
    }
}
