namespace Abm.Bot.Teams;

/// <summary>Turns a Teams message into the question the user typed.</summary>
public static class MentionText
{
    /// <summary>
    /// Returns the message text without the bot's own @mention, trimmed; other mentions stay.
    /// The mention is found by the entity whose <c>mentioned.id</c> equals the recipient id, because
    /// the display name inside <c>&lt;at&gt;</c> is whatever the user typed, not the bot's name.
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

        return CollapseSpaces(text.Trim());
    }

    private static string CollapseSpaces(string text)
    {
        if (!text.Contains("  ", StringComparison.Ordinal))
        {
            return text;
        }

        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
