using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Abm.LoadTest;

/// <summary>Signed Events API deliveries of a direct message, each in its own channel so its reply can be told apart.</summary>
internal static class SlackLoad
{
    public const string TeamId = "T0LOAD001";
    public const string BotUserId = "U0BOT0001";
    public const string UserId = "U0USER001";

    public static Scenario DirectMessage(string name, string eventsUrl, string text) =>
        new(name, n =>
        {
            var id = n.ToString(CultureInfo.InvariantCulture);
            var channel = "D" + id;
            var ts = "1700000000." + id.PadLeft(6, '0');
            var body = new JsonObject
            {
                ["token"] = "legacy",
                ["team_id"] = TeamId,
                ["api_app_id"] = "A0LOAD001",
                ["event"] = new JsonObject
                {
                    ["type"] = "message",
                    ["user"] = UserId,
                    ["text"] = text,
                    ["ts"] = ts,
                    ["channel"] = channel,
                    ["event_ts"] = ts,
                    ["channel_type"] = "im",
                },
                ["type"] = "event_callback",
                ["event_id"] = "EvLoad" + id,
                ["event_time"] = 1_700_000_000,
                ["authorizations"] = new JsonArray(new JsonObject
                {
                    ["team_id"] = TeamId,
                    ["user_id"] = BotUserId,
                    ["is_bot"] = true,
                    ["is_enterprise_install"] = false,
                }),
            }.ToJsonString();

            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(
                Encoding.UTF8.GetBytes(Credentials.SlackSigningSecret),
                Encoding.UTF8.GetBytes("v0:" + timestamp + ":" + body)));
            var request = new HttpRequestMessage(HttpMethod.Post, eventsUrl)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signature);
            return (request, channel);
        });
}
