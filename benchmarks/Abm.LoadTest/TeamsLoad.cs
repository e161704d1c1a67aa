using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Abm.LoadTest;

/// <summary>Teams message activities as the Bot Connector posts them, each in its own conversation.</summary>
internal static class TeamsLoad
{
    public const string MessagesPath = "/api/messages";

    private const int Conversations = 64;

    public static Scenario Message(string name, string baseUrl, string serviceUrl, string? token, string text) =>
        new(name, n =>
        {
            // A fixed set of conversations, as returning users make; the reply is matched by the activity id in its path.
            var conversation = "load-conversation-" + (n % Conversations).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var activityId = "activity-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["id"] = activityId,
                ["timestamp"] = "2026-12-04T23:00:00.000Z",
                ["serviceUrl"] = serviceUrl,
                ["channelId"] = "msteams",
                ["from"] = new JsonObject { ["id"] = "29:load-user", ["name"] = "Load Tester", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
                ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "load-tenant" },
                ["recipient"] = new JsonObject { ["id"] = "28:" + Credentials.AppId, ["name"] = "Abm" },
                ["text"] = text,
                ["textFormat"] = "plain",
                ["locale"] = "en-US",
                ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "load-tenant" } },
            };
            var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + MessagesPath)
            {
                Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return (request, activityId);
        });
}
