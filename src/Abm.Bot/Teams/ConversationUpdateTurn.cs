using Microsoft.Extensions.Logging;

namespace Abm.Bot.Teams;

/// <summary>
/// Handles <c>conversationUpdate</c> and <c>installationUpdate</c>: stores the conversation reference
/// for later proactive messages, welcomes the users when the bot itself was added, and marks the
/// reference inactive when the bot was removed or uninstalled.
/// </summary>
internal sealed class ConversationUpdateTurn(IServiceScopeFactory scopes, ConnectorClient connector, ILogger<ConversationUpdateTurn> logger)
{
    public const string WelcomeText =
        "Hi, I'm Abm. I answer questions about your accounts from the scores and the funnel. " +
        "Try \"tell me about <account>\", \"top 10 accounts\" or \"what changed this week\", or type \"help\". " +
        "In a channel or group chat, @mention me first.";

    public async Task RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        var isInstallation = string.Equals(activity.Type, ActivityTypes.InstallationUpdate, StringComparison.OrdinalIgnoreCase);
        var botAdded = !isInstallation && activity.MembersAdded?.Any(member => member.Id == botId) == true;
        var botRemoved = isInstallation
            ? string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase)
            : activity.MembersRemoved?.Any(member => member.Id == botId) == true;

        await using (var scope = scopes.CreateAsyncScope())
        {
            var references = scope.ServiceProvider.GetRequiredService<ConversationReferences>();
            await references.SaveAsync(activity, cancellationToken, isActive: !botRemoved);
        }

        if (botRemoved)
        {
            Log.BotRemoved(logger, activity.Conversation?.Id);
            return;
        }

        // Teams sends both an installationUpdate and a conversationUpdate on install; only the
        // conversationUpdate, which every Teams version sends, triggers the welcome.
        if (botAdded && activity.ServiceUrl is not null && activity.Conversation?.Id is not null)
        {
            Log.BotInstalled(logger, activity.Conversation.ConversationType, activity.Conversation.Id);
            var welcome = ReplyActivities.TextMessage(activity, WelcomeText);
            await connector.SendToConversationAsync(activity.ServiceUrl, activity.Conversation.Id, welcome, cancellationToken);
        }
    }
}
