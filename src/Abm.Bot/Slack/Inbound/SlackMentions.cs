using System.Text.RegularExpressions;
using Abm.Bot.Slack.BlockKit;

namespace Abm.Bot.Slack.Inbound;

/// <summary>Finds and removes the bot's own mention (<c>&lt;@U…&gt;</c> or <c>&lt;@U…|label&gt;</c>) in message text.</summary>
public static partial class SlackMentions
{
    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex UserMention();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    public static bool Mentions(string? text, string? userId) =>
        !string.IsNullOrEmpty(text) && !string.IsNullOrEmpty(userId) &&
        UserMention().Matches(text).Any(m => string.Equals(m.Groups["id"].Value, userId, StringComparison.Ordinal));

    /// <summary>Returns the user id of a mention at the very start of the text, or null.</summary>
    public static string? LeadingMention(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = UserMention().Match(text.TrimStart());
        return match.Success && match.Index == 0 ? match.Groups["id"].Value : null;
    }

    /// <summary>
    /// Returns the question in a message: the bot's mentions removed wherever they stand, other
    /// users' mentions kept, Slack's <c>&amp;amp;</c>, <c>&amp;lt;</c> and <c>&amp;gt;</c> decoded, and whitespace collapsed.
    /// </summary>
    public static string StripBotMention(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var stripped = string.IsNullOrEmpty(botUserId)
            ? text
            : UserMention().Replace(text, m => string.Equals(m.Groups["id"].Value, botUserId, StringComparison.Ordinal) ? " " : m.Value);
        return SlackText.Unescape(Whitespace().Replace(stripped, " ").Trim());
    }
}
