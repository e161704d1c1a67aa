using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Abm.LoadTest;

/// <summary>Signed Events API deliveries of a direct message, each in its own channel so its reply can be told apart.</summary>
internal static class SlackLoad
{
    public const string TeamId = "T0LOAD001";
    public const string BotUserId = "U0BOT0001";
    public const string UserId = "U0USER001";

    private static readonly byte[] SigningKey = Encoding.UTF8.GetBytes(Credentials.SlackSigningSecret);

    /// <remarks>
    /// The body is written from a template rather than built as a JSON tree: the generator shares
    /// the machine with the server it measures, so every microsecond it spends is taken from that server.
    /// The text must need no JSON escaping.
    /// </remarks>
    public static Scenario DirectMessage(string name, string eventsUrl, string text)
    {
        if (text.Any(c => c is '"' or '\\' || char.IsControl(c)))
        {
            throw new ArgumentException($"The message text '{text}' needs JSON escaping; use plain text.", nameof(text));
        }

        return new(name, n =>
        {
            var id = n.ToString(CultureInfo.InvariantCulture);
            var channel = "D" + id;
            var ts = "1700000000." + id.PadLeft(6, '0');
            var body = Encoding.UTF8.GetBytes(
                $$"""{"token":"legacy","team_id":"{{TeamId}}","api_app_id":"A0LOAD001","event":{"type":"message","user":"{{UserId}}","text":"{{text}}","ts":"{{ts}}","channel":"{{channel}}","event_ts":"{{ts}}","channel_type":"im"},"type":"event_callback","event_id":"EvLoad{{id}}","event_time":1700000000,"authorizations":[{"team_id":"{{TeamId}}","user_id":"{{BotUserId}}","is_bot":true,"is_enterprise_install":false}]}""");

            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
            var signed = new byte[prefix.Length + body.Length];
            prefix.CopyTo(signed, 0);
            body.CopyTo(signed, prefix.Length);
            var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(SigningKey, signed));

            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
            var request = new HttpRequestMessage(HttpMethod.Post, eventsUrl) { Content = content };
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signature);
            return (request, channel);
        });
    }
}
