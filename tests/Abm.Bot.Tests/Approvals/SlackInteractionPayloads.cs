using System.Text.Json.Nodes;
using Abm.Bot.Tests.Slack;

namespace Abm.Bot.Tests.Approvals;

/// <summary>Interactivity payloads as Slack posts them: a button click on a message Abm sent, and a modal submission.</summary>
internal static class SlackInteractionPayloads
{
    /// <summary>A <c>block_actions</c> click on the button of <paramref name="message"/> whose action id ends with <paramref name="verb"/>.</summary>
    public static JsonObject Click(FakeSlackCall message, string verb, string userId, string channel, string messageTs)
    {
        var button = message.Body.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First(e => e.GetProperty("action_id").GetString()!.EndsWith(verb, StringComparison.Ordinal));
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["team_id"] = "T1" },
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["trigger_id"] = "trigger-" + userId,
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = channel, ["message_ts"] = messageTs },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = button.GetProperty("action_id").GetString(),
                ["value"] = button.GetProperty("value").GetString(),
                ["action_ts"] = Guid.NewGuid().ToString("N"),
            }),
        };
    }

    /// <summary>A <c>view_submission</c> of a modal; <paramref name="values"/> is <c>state.values</c> by block id, then action id.</summary>
    public static JsonObject Submission(string userId, string callbackId, string metadata, JsonObject values) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = userId, ["team_id"] = "T1" },
        ["team"] = new JsonObject { ["id"] = "T1" },
        ["view"] = new JsonObject
        {
            ["id"] = "V" + Guid.NewGuid().ToString("N")[..8],
            ["hash"] = "h1",
            ["callback_id"] = callbackId,
            ["private_metadata"] = metadata,
            ["state"] = new JsonObject { ["values"] = values },
        },
    };

    /// <summary>A <c>block_suggestion</c>: the select <paramref name="actionId"/> in a modal asks for options matching <paramref name="typed"/>.</summary>
    public static JsonObject Suggestion(string userId, string actionId, string typed, string metadata) => new()
    {
        ["type"] = "block_suggestion",
        ["user"] = new JsonObject { ["id"] = userId, ["team_id"] = "T1" },
        ["team"] = new JsonObject { ["id"] = "T1" },
        ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V1" },
        ["action_id"] = actionId,
        ["block_id"] = "owner",
        ["value"] = typed,
        ["view"] = new JsonObject { ["id"] = "V1", ["type"] = "modal", ["private_metadata"] = metadata },
    };

    /// <summary>One input's state: a select's chosen option.</summary>
    public static JsonObject Selected(string value) => new() { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = value } };

    /// <summary>One input's state: a text input's value.</summary>
    public static JsonObject Typed(string value) => new() { ["type"] = "plain_text_input", ["value"] = value };
}
