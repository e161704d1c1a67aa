using System.Text.Json.Nodes;

namespace Abm.Bot.Tests.Slack;

/// <summary>Builds Events API bodies shaped like the recorded payloads, for cases the recordings do not cover.</summary>
internal static class SlackEvents
{
    public const string BotUserId = "U0BOT0001";
    public const string UserId = "U0USER001";
    public const string TeamId = "T0TEAM001";

    public static string Message(
        string eventId, string channel, string ts, string text, string channelType = "im", string? threadTs = null,
        string type = "message", string user = UserId, string? subtype = null, string? botId = null)
    {
        var inner = new JsonObject
        {
            ["type"] = type,
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
        };
        if (type == "message")
        {
            inner["channel_type"] = channelType;
        }

        if (threadTs is not null)
        {
            inner["thread_ts"] = threadTs;
        }

        if (subtype is not null)
        {
            inner["subtype"] = subtype;
        }

        if (botId is not null)
        {
            inner["bot_id"] = botId;
        }

        return new JsonObject
        {
            ["token"] = "legacy",
            ["team_id"] = TeamId,
            ["api_app_id"] = "A0APP0001",
            ["event"] = inner,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1_700_000_000,
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["team_id"] = TeamId,
                ["user_id"] = BotUserId,
                ["is_bot"] = true,
                ["is_enterprise_install"] = false,
            }),
        }.ToJsonString();
    }

    /// <summary>A direct message with a unique text, sent last so its answer shows all earlier turns are done.</summary>
    public static string Sentinel(string id) => Message("EvSentinel" + id, "D0SENTINEL", "1700000999.000001", "sentinel " + id);
}
