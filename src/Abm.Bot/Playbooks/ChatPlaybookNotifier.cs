using Abm.Bot.Approvals;
using Abm.Bot.Cards;
using Abm.Bot.Slack.Api;
using Abm.Bot.Teams;
using Abm.Core.Playbooks;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Playbooks;

/// <summary>
/// Sends step cards and reminders to each step's owner by direct message, in Teams (an Adaptive
/// Card) or Slack (a Block Kit message), whichever <see cref="ApprovalPeople.DirectRouteAsync"/>
/// picks. A failed send is logged and never undoes the step change that caused it.
/// </summary>
internal sealed class ChatPlaybookNotifier(IServiceScopeFactory scopes, ApprovalPeople people, ILogger<ChatPlaybookNotifier> logger) : IPlaybookNotifier
{
    public Task StepAssignedAsync(StepView step, CancellationToken cancellationToken) => SendAsync(step, null, cancellationToken);

    public Task StepReminderAsync(StepView step, CancellationToken cancellationToken) => SendAsync(step, StepText.Reminder(step), cancellationToken);

    private async Task SendAsync(StepView step, string? notice, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        try
        {
            switch (await people.DirectRouteAsync(step.Owner.Id, cancellationToken))
            {
                case DirectRoute.Teams { Reference: var reference }:
                    await SendTeamsAsync(scope.ServiceProvider.GetRequiredService<ConnectorClient>(), reference, step, notice, cancellationToken);
                    break;
                case DirectRoute.Slack { UserId: var userId }:
                    var slack = scope.ServiceProvider.GetRequiredService<SlackApiClient>();
                    var channel = await slack.OpenDirectMessageAsync(userId, cancellationToken);
                    await slack.PostMessageAsync(channel, StepBlocks.Message(step, notice), null, cancellationToken);
                    break;
                default:
                    Log.StepOwnerUnreachable(logger, step.Id);
                    break;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or SlackApiException or Polly.Timeout.TimeoutRejectedException)
        {
            Log.StepSendFailed(logger, step.Id, "send", exception);
        }
    }

    private async Task SendTeamsAsync(ConnectorClient connector, Core.Domain.ConversationReference reference, StepView step, string? notice, CancellationToken cancellationToken)
    {
        var card = StepCardRenderer.Render(step, await people.AllAsync(cancellationToken), notice);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardJson.ToElement(card) }],
        };
        await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
    }
}
