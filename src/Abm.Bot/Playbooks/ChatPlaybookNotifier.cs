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
/// picks, and records each sent card so a step that completes by itself can edit it in place.
/// A failed send or edit is logged and never undoes the step change that caused it.
/// </summary>
internal sealed class ChatPlaybookNotifier(IServiceScopeFactory scopes, ApprovalPeople people, ILogger<ChatPlaybookNotifier> logger) : IPlaybookNotifier
{
    private const string SlackChannel = "slack";

    public Task StepAssignedAsync(StepView step, CancellationToken cancellationToken) => SendAsync(step, null, cancellationToken);

    public Task StepReminderAsync(StepView step, CancellationToken cancellationToken) => SendAsync(step, StepText.Reminder(step), cancellationToken);

    public async Task StepCompletedByEventAsync(StepView step, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var playbooks = scope.ServiceProvider.GetRequiredService<PlaybookService>();
        foreach (var message in await playbooks.MessagesAsync(step.Id, cancellationToken))
        {
            // The claim keeps a second caller for the same step version from editing the card again.
            if (!await playbooks.TryClaimMessageEditAsync(message.Id, step.Version, cancellationToken))
            {
                continue;
            }

            try
            {
                await EditAsync(scope.ServiceProvider, message, step, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or SlackApiException or Polly.Timeout.TimeoutRejectedException)
            {
                // NOTE: the claim stays, so a failed edit is not retried. The card keeps its buttons, and a click on one shows the closed step.
                Log.StepSendFailed(logger, step.Id, "edit", exception);
            }
        }
    }

    private async Task EditAsync(IServiceProvider services, PlaybookStepMessage message, StepView step, CancellationToken cancellationToken)
    {
        if (message.Channel == SlackChannel)
        {
            if (services.GetService<SlackApiClient>() is { } slack)
            {
                await slack.UpdateMessageAsync(message.ConversationId, message.MessageId, StepBlocks.Message(step), cancellationToken);
            }
            else
            {
                Log.StepCardNotEdited(logger, step.Id, message.ConversationId);
            }

            return;
        }

        var connector = services.GetService<ConnectorClient>();
        var reference = await people.TeamsConversationAsync(message.ConversationId, cancellationToken);
        if (connector is null || reference is null)
        {
            Log.StepCardNotEdited(logger, step.Id, message.ConversationId);
            return;
        }

        var activity = CardActivity(StepCardRenderer.Render(step, []), message.MessageId);
        await connector.UpdateActivityAsync(reference.ServiceUrl, reference.ConversationId, message.MessageId, activity, cancellationToken);
    }

    private async Task SendAsync(StepView step, string? notice, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var playbooks = scope.ServiceProvider.GetRequiredService<PlaybookService>();
        try
        {
            switch (await people.DirectRouteAsync(step.Owner.Id, cancellationToken))
            {
                case DirectRoute.Teams { Reference: var reference }:
                    var connector = scope.ServiceProvider.GetRequiredService<ConnectorClient>();
                    var card = StepCardRenderer.Render(step, await people.AllAsync(cancellationToken), notice);
                    var sent = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, CardActivity(card, null), cancellationToken);
                    if (sent?.Id is { Length: > 0 } activityId)
                    {
                        await playbooks.AddMessageAsync(step.Id, ApprovalPeople.TeamsChannel, reference.ConversationId, activityId, cancellationToken);
                    }

                    break;
                case DirectRoute.Slack { UserId: var userId }:
                    var slack = scope.ServiceProvider.GetRequiredService<SlackApiClient>();
                    var channel = await slack.OpenDirectMessageAsync(userId, cancellationToken);
                    var posted = await slack.PostMessageAsync(channel, StepBlocks.Message(step, notice), null, cancellationToken);
                    if (posted.Ts is { Length: > 0 } ts)
                    {
                        await playbooks.AddMessageAsync(step.Id, SlackChannel, posted.Channel ?? channel, ts, cancellationToken);
                    }

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

    private static Activity CardActivity(AdaptiveCard card, string? id) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardJson.ToElement(card) }],
    };
}
