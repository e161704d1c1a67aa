using Abm.Bot.Approvals;
using Abm.Bot.Cards;
using Abm.Bot.Teams;
using Abm.Core.Playbooks;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Playbooks;

/// <summary>Sends step cards and reminders to each step's owner by direct message in Teams.</summary>
internal sealed class ChatPlaybookNotifier(IServiceScopeFactory scopes, ApprovalPeople people, ILogger<ChatPlaybookNotifier> logger) : IPlaybookNotifier
{
    public Task StepAssignedAsync(StepView step, CancellationToken cancellationToken) => SendAsync(step, null, cancellationToken);

    public Task StepReminderAsync(StepView step, CancellationToken cancellationToken) =>
        SendAsync(step, $"Reminder: this step was due {step.DueAt.UtcDateTime:yyyy-MM-dd}.", cancellationToken);

    private async Task SendAsync(StepView step, string? notice, CancellationToken cancellationToken)
    {
        var owner = await people.FindAsync(step.Owner.Id, cancellationToken);
        var reference = owner?.TeamsUserId is { } teamsId ? await people.PersonalConversationAsync(teamsId, cancellationToken) : null;
        // TODO: step cards go to Teams only; an owner reachable only in Slack gets no card yet.
        if (reference is null)
        {
            Log.StepOwnerUnreachable(logger, step.Id);
            return;
        }

        var card = StepCardRenderer.Render(step, await people.AllAsync(cancellationToken), notice);
        using var scope = scopes.CreateScope();
        var connector = scope.ServiceProvider.GetRequiredService<ConnectorClient>();
        try
        {
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardJson.ToElement(card) }],
            };
            await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            Log.StepSendFailed(logger, step.Id, "send", exception);
        }
    }
}
