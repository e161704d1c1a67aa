using Abm.Core.Answers;

namespace Abm.Bot.Teams;

// TODO: delete once the Adaptive Card renderer lands in Abm.Bot.Cards; ReplyActivities calls it instead.
internal static class PlaceholderCard
{
    public static object Render(Reply reply)
    {
        var text = reply is TextReply textReply ? textReply.Text : reply.GetType().Name;
        return new Dictionary<string, object?>
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["fallbackText"] = text,
            ["body"] = new object[] { new Dictionary<string, object?> { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true } },
            ["actions"] = reply.Actions.Select(action => new Dictionary<string, object?>
            {
                ["type"] = "Action.Execute",
                ["title"] = action.Title,
                ["verb"] = action.Verb,
                ["data"] = action.Data,
            }).ToArray(),
        };
    }
}
