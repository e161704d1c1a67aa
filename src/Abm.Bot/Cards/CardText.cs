using System.Globalization;
using System.Text;

namespace Abm.Bot.Cards;

/// <summary>
/// Makes text from data safe to put in a card: one line, bounded length, and, where the host
/// applies markdown, no markdown, mention tags or date functions that the data did not mean.
/// </summary>
public static class CardText
{
    /// <summary>The default cap, in user-perceived characters, for one piece of data in a card.</summary>
    public const int DefaultMaxLength = 300;

    private const string Ellipsis = "…";

    /// <summary>
    /// Puts <paramref name="text"/> on one line and shortens it to <paramref name="maxLength"/>
    /// user-perceived characters, ending with an ellipsis when cut. Use it where hosts apply no
    /// markdown: TextRun text, button titles, choice titles.
    /// </summary>
    public static string Clean(string? text, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsCleaning(text))
        {
            return Truncate(text, maxLength);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsBidiControl(c))
            {
                // Direction overrides can make a name read as something else; drop them.
                continue;
            }

            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return Truncate(builder.ToString().Trim(), maxLength);
    }

    /// <summary>
    /// Does what <see cref="Clean"/> does and then escapes markdown, so the host shows the data
    /// literally. Use it for text that goes into a TextBlock or a Fact.
    /// </summary>
    /// <remarks>
    /// A backslash escapes the characters that start emphasis, links, HTML-like tags and
    /// entities, and a list or heading marker at the start. Each brace of <c>{{</c> is escaped
    /// too, because hosts expand <c>{{DATE(…)}}</c> and <c>{{TIME(…)}}</c> before markdown.
    /// </remarks>
    public static string Escape(string? text, int maxLength = DefaultMaxLength)
    {
        var clean = Clean(text, maxLength);
        var builder = new StringBuilder(clean.Length + 8);
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            if (NeedsEscape(clean, i))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Shortens text to <paramref name="maxLength"/> user-perceived characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);

        // A string has at most as many text elements as chars, so a short one needs no counting.
        if (text.Length <= maxLength)
        {
            return text;
        }

        // Count text elements, not chars, so an emoji or a combined letter is never split.
        var info = new StringInfo(text);
        if (info.LengthInTextElements <= maxLength)
        {
            return text;
        }

        return info.SubstringByTextElements(0, maxLength - 1).TrimEnd() + Ellipsis;
    }

    /// <summary>True when <see cref="Clean"/> would drop, replace or trim a character of the text.</summary>
    private static bool NeedsCleaning(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return true;
        }

        foreach (var c in text)
        {
            if (IsBidiControl(c) || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    private static bool NeedsEscape(string text, int index)
    {
        var c = text[index];
        switch (c)
        {
            case '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '`' or '~':
                return true;
            case '{':
                return (index + 1 < text.Length && text[index + 1] == '{')
                    || (index > 0 && text[index - 1] == '{');
            case '#' or '-' or '+':
                // "# ", "- " and "+ " at the start read as a heading or a list item.
                return index == 0 && IsFollowedBySpace(text, index);
            case '.' or ')':
                // "1. " or "1) " at the start reads as a numbered list item.
                return index > 0 && IsAllDigits(text, index) && IsFollowedBySpace(text, index);
            default:
                return false;
        }
    }

    private static bool IsFollowedBySpace(string text, int index) => index + 1 == text.Length || text[index + 1] == ' ';

    private static bool IsAllDigits(string text, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
