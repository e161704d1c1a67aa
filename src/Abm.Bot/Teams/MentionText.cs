using System.Net;
using System.Text.RegularExpressions;

namespace Abm.Bot.Teams;

/// <summary>Turns a Teams message into the question the user typed.</summary>
public static partial class MentionText
{
    /// <summary>
    /// Returns the message text as plain text without the bot's own @mention, with runs of
    /// white space collapsed to one space and trimmed. Other mentions keep their display name.
    /// The mention is found by the entity whose <c>mentioned.id</c> equals the recipient id, because
    /// the display name inside <c>&lt;at&gt;</c> is whatever the user typed, not the bot's name.
    /// Some Teams clients send the text as HTML (<c>&lt;p&gt;top 2 accounts&lt;/p&gt;</c>,
    /// <c>Quillmere&amp;nbsp;Analytics</c>), so tags are removed and entities decoded after the
    /// mention is gone.
    /// </summary>
    public static string RemoveBotMention(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;

        if (!string.IsNullOrEmpty(botId) && activity.Entities is { } entities)
        {
            foreach (var entity in entities)
            {
                var isBotMention =
                    string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal)
                    && !string.IsNullOrEmpty(entity.Text);

                if (isBotMention)
                {
                    text = text.Replace(entity.Text!, " ", StringComparison.Ordinal);
                }
            }
        }

        return CollapseWhiteSpace(ToPlainText(text));
    }

    /// <summary>
    /// Removes HTML tags and decodes character references. A tag becomes a space, so
    /// <c>&lt;p&gt;a&lt;/p&gt;&lt;p&gt;b&lt;/p&gt;</c> reads "a b" and not "ab". Only text
    /// shaped like a tag (a letter or <c>/</c> right after <c>&lt;</c>) is removed, so a typed
    /// "score &lt; 50" stays as it is.
    /// </summary>
    private static string ToPlainText(string text)
    {
        if (text.Contains('<', StringComparison.Ordinal))
        {
            text = HtmlTag().Replace(text, " ");
        }

        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        return text;
    }

    /// <summary>Trims and turns each run of white space, no-break spaces and line breaks included, into one space.</summary>
    private static string CollapseWhiteSpace(string text) => WhiteSpaceRun().Replace(text, " ").Trim();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpaceRun();
}
