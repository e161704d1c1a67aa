using Abm.Bot.Cards;
using Abm.Bot.Slack.Api;
using Abm.Bot.Teams;
using Abm.Core.TargetList;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Approvals;

/// <summary>
/// Sends approval cards in Teams and Slack. The card goes to the configured approval channel, or
/// to each approver by direct message, wherever <see cref="ApprovalPeople.DirectRouteAsync"/> finds them. Once a decision wins, every copy is updated in place and the requester hears
/// the outcome. A failed send is logged and never undoes the decision.
/// </summary>
internal sealed class ChatApprovalNotifier(
    IServiceScopeFactory scopes,
    ApprovalPeople people,
    TargetListOptions options,
    ILogger<ChatApprovalNotifier> logger) : IApprovalNotifier
{
    public async Task ProposalCreatedAsync(ProposalView proposal, CancellationToken cancellationToken)
    {
        if (options.ApprovalChannel is { } channel)
        {
            if (await people.TeamsConversationAsync(channel, cancellationToken) is { } reference)
            {
                var readOnly = await CardAsync(proposal, actionable: false, cancellationToken);
                await SendCardAsync(proposal.Id, reference.ServiceUrl, reference.ConversationId, readOnly, cancellationToken);
            }
            else
            {
                await PostSlackAsync(proposal, channel, cancellationToken);
            }

            return;
        }

        // An approver's personal chat has no other viewer, so the card carries the buttons
        // itself and does not depend on the client running the refresh (the local Teams client
        // does not). The refresh stays, so a client that runs it gets the same view.
        var actionable = await CardAsync(proposal, actionable: true, cancellationToken);
        var unreachable = new List<string>();
        foreach (var approver in proposal.Approvers)
        {
            switch (await RouteAsync(proposal.Id, approver.Id, cancellationToken))
            {
                case DirectRoute.Teams { Reference: var reference }:
                    await SendCardAsync(proposal.Id, reference.ServiceUrl, reference.ConversationId, actionable, cancellationToken);
                    break;
                case DirectRoute.Slack { UserId: var slackUser }:
                    await PostSlackAsync(proposal, slackUser, cancellationToken);
                    break;
                default:
                    Log.ApprovalTargetMissing(logger, proposal.Id, "approver");
                    unreachable.Add(approver.Name);
                    break;
            }
        }

        if (unreachable.Count > 0)
        {
            await TellRequesterAsync(proposal, ApprovalText.Unreachable(proposal, unreachable), cancellationToken);
        }
    }

    public async Task SendMissedCardsAsync(IReadOnlyList<ProposalView> pending, string approverId, CancellationToken cancellationToken)
    {
        if (options.ApprovalChannel is not null || pending.Count == 0)
        {
            // The approval channel already shows every card.
            return;
        }

        var route = await RouteAsync(pending[0].Id, approverId, cancellationToken);
        using var scope = scopes.CreateScope();
        var targetList = scope.ServiceProvider.GetRequiredService<TargetListService>();
        foreach (var proposal in pending)
        {
            var messages = await targetList.MessagesAsync(proposal.Id, cancellationToken);
            switch (route)
            {
                case DirectRoute.Teams { Reference: var reference }
                    when !messages.Any(m => m.Channel == ApprovalPeople.TeamsChannel && m.ConversationId == reference.ConversationId):
                    await SendCardAsync(proposal.Id, reference.ServiceUrl, reference.ConversationId, await CardAsync(proposal, actionable: true, cancellationToken), cancellationToken);
                    break;
                case DirectRoute.Slack { UserId: var slackUser } when !messages.Any(m => m.Channel == SlackChannel):
                    await PostSlackAsync(proposal, slackUser, cancellationToken);
                    break;
            }
        }
    }

    public async Task ProposalDecidedAsync(ProposalView proposal, CancellationToken cancellationToken)
    {
        var card = await CardAsync(proposal, actionable: false, cancellationToken);
        using var scope = scopes.CreateScope();
        var targetList = scope.ServiceProvider.GetRequiredService<TargetListService>();
        var connector = scope.ServiceProvider.GetService<ConnectorClient>();
        foreach (var message in (await targetList.MessagesAsync(proposal.Id, cancellationToken)).Where(m => m.Channel == ApprovalPeople.TeamsChannel && connector is not null))
        {
            var reference = await people.TeamsConversationAsync(message.ConversationId, cancellationToken);
            if (reference is null)
            {
                continue;
            }

            await TryAsync(proposal.Id, "update", () => connector!.UpdateActivityAsync(reference.ServiceUrl, message.ConversationId, message.MessageId, CardActivity(card, message.MessageId), cancellationToken));
        }

        var slack = scope.ServiceProvider.GetService<SlackApiClient>();
        foreach (var message in (await targetList.MessagesAsync(proposal.Id, cancellationToken)).Where(m => m.Channel == SlackChannel && slack is not null))
        {
            await TryAsync(proposal.Id, "update", () => slack!.UpdateMessageAsync(message.ConversationId, message.MessageId, ApprovalBlocks.Message(proposal), cancellationToken));
        }

        await TellRequesterAsync(proposal, ApprovalText.Outcome(proposal), cancellationToken);
    }

    /// <summary>Sends the requester a plain message in their direct chat, in Teams or Slack.</summary>
    private async Task TellRequesterAsync(ProposalView proposal, string text, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var connector = scope.ServiceProvider.GetService<ConnectorClient>();
        var slack = scope.ServiceProvider.GetService<SlackApiClient>();
        switch (await RouteAsync(proposal.Id, proposal.Requester.Id, cancellationToken))
        {
            case DirectRoute.Teams { Reference: var requester } when connector is not null:
                var message = new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };
                await TryAsync(proposal.Id, "tell requester", () => connector.SendToConversationAsync(requester.ServiceUrl, requester.ConversationId, message, cancellationToken));
                break;
            case DirectRoute.Slack { UserId: var slackUser } when slack is not null:
                await TryAsync(proposal.Id, "tell requester", async () =>
                {
                    var channel = await slack.OpenDirectMessageAsync(slackUser, cancellationToken);
                    return await slack.PostMessageAsync(channel, new Slack.BlockKit.SlackMessage(text, []), null, cancellationToken);
                });
                break;
        }
    }

    private const string SlackChannel = "slack";

    /// <summary>Posts the approval message to a Slack channel or user (a direct message) and records it for updates.</summary>
    private async Task PostSlackAsync(ProposalView proposal, string channelOrUser, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var slack = scope.ServiceProvider.GetRequiredService<SlackApiClient>();
        var targetList = scope.ServiceProvider.GetRequiredService<TargetListService>();
        await TryAsync(proposal.Id, "send", async () =>
        {
            var channel = channelOrUser.StartsWith('U') || channelOrUser.StartsWith('W') ? await slack.OpenDirectMessageAsync(channelOrUser, cancellationToken) : channelOrUser;
            var posted = await slack.PostMessageAsync(channel, ApprovalBlocks.Message(proposal), null, cancellationToken);
            if (posted.Ts is { } ts)
            {
                await targetList.AddMessageAsync(proposal.Id, SlackChannel, posted.Channel ?? channel, ts, cancellationToken);
            }

            return posted;
        });
    }

    /// <summary>Finds where to message a person; a failure to start their Teams chat is logged and returns null.</summary>
    private async Task<DirectRoute?> RouteAsync(long proposalId, string personId, CancellationToken cancellationToken)
    {
        try
        {
            return await people.DirectRouteAsync(personId, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            Log.ApprovalSendFailed(logger, proposalId, "start chat", exception);
            return null;
        }
    }

    private async Task<AdaptiveCard> CardAsync(ProposalView proposal, bool actionable, CancellationToken cancellationToken) =>
        ApprovalCardRenderer.Render(proposal, actionable, await people.TeamsIdsAsync(proposal.Approvers.Select(a => a.Id), cancellationToken));

    private async Task SendCardAsync(long proposalId, string serviceUrl, string conversationId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var connector = scope.ServiceProvider.GetRequiredService<ConnectorClient>();
        var targetList = scope.ServiceProvider.GetRequiredService<TargetListService>();
        await TryAsync(proposalId, "send", async () =>
        {
            var sent = await connector.SendToConversationAsync(serviceUrl, conversationId, CardActivity(card, null), cancellationToken);
            if (sent?.Id is { } id)
            {
                await targetList.AddMessageAsync(proposalId, ApprovalPeople.TeamsChannel, conversationId, id, cancellationToken);
            }

            return sent;
        });
    }

    private static Activity CardActivity(AdaptiveCard card, string? id) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardJson.ToElement(card) }],
    };

    private async Task TryAsync<T>(long proposalId, string operation, Func<Task<T>> call)
    {
        try
        {
            await call();
        }
        catch (Exception exception) when (exception is HttpRequestException or SlackApiException)
        {
            Log.ApprovalSendFailed(logger, proposalId, operation, exception);
        }
    }
}
