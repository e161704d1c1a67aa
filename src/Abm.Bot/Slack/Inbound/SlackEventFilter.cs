namespace Abm.Bot.Slack.Inbound;

/// <summary>A question found in an event: where it was asked and the text with the bot's mention removed.</summary>
public sealed record SlackQuestionEvent(
    string TeamId,
    string EventId,
    string Channel,
    string UserId,
    string Ts,
    string? ThreadTs,
    string Question);

/// <summary>
/// Decides whether an <c>event_callback</c> carries a question for Abm. Direct messages always
/// do; in channels only messages that mention the bot do. Bots (Abm included), edits, deletions
/// and every other subtype never do, so Abm cannot answer itself.
/// </summary>
public static class SlackEventFilter
{
    /// <summary>Returns the question, or null with the reason it was ignored.</summary>
    public static SlackQuestionEvent? Read(SlackEnvelope envelope, string? configuredBotUserId, out string ignoredReason)
    {
        var e = envelope.Event;
        ignoredReason = string.Empty;
        if (e is null)
        {
            ignoredReason = "no event";
            return null;
        }

        if (e.Type is not ("app_mention" or "message"))
        {
            ignoredReason = "event type " + e.Type;
            return null;
        }

        if (!string.IsNullOrEmpty(e.Subtype))
        {
            ignoredReason = "message subtype " + e.Subtype;
            return null;
        }

        var botUserId = BotUserId(envelope, configuredBotUserId);
        if (botUserId is null && e.Type == "app_mention")
        {
            // Without a bot authorization the mention that opens an app_mention is the bot's.
            botUserId = SlackMentions.LeadingMention(e.Text);
        }

        if (!string.IsNullOrEmpty(e.BotId) || string.IsNullOrEmpty(e.User) || string.Equals(e.User, botUserId, StringComparison.Ordinal))
        {
            ignoredReason = "sent by a bot";
            return null;
        }

        if (string.IsNullOrEmpty(e.Channel) || string.IsNullOrEmpty(e.Ts) || string.IsNullOrEmpty(envelope.EventId))
        {
            ignoredReason = "no channel, ts or event_id";
            return null;
        }

        // A channel message that mentions the bot also arrives as app_mention; both are the same
        // question, and the turn receipts for channel and ts drop the second. Plain channel chatter is not for Abm.
        if (e.Type == "message" && e.ChannelType != "im" && !SlackMentions.Mentions(e.Text, botUserId))
        {
            ignoredReason = "channel message without a mention";
            return null;
        }

        var question = SlackMentions.StripBotMention(e.Text, botUserId);
        return new SlackQuestionEvent(
            envelope.TeamId ?? e.Team ?? string.Empty,
            envelope.EventId,
            e.Channel,
            e.User,
            e.Ts,
            e.ThreadTs,
            question);
    }

    /// <summary>The bot's user id: configured, else the bot authorization the event was delivered for.</summary>
    public static string? BotUserId(SlackEnvelope envelope, string? configuredBotUserId) =>
        !string.IsNullOrEmpty(configuredBotUserId)
            ? configuredBotUserId
            : envelope.Authorizations?.FirstOrDefault(a => a.IsBot)?.UserId;
}
