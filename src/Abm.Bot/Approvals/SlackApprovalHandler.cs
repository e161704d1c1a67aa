using Abm.Bot.Slack.Api;
using Abm.Bot.Slack.BlockKit;
using Abm.Bot.Slack.Turns;
using Abm.Core.Answers;
using Abm.Core.TargetList;

namespace Abm.Bot.Approvals;

/// <summary>
/// Approve and Reject in Slack, after the 3-second acknowledgement: Approve decides at once,
/// Reject opens a modal for the reason and comment. Non-approvers get an ephemeral message and
/// nothing changes; the clicked message is updated with <c>chat.update</c>.
/// </summary>
internal sealed class SlackApprovalHandler(TargetListService targetList, SlackApiClient slack) : ISlackInteractionHandler
{
    public bool CanHandle(string verbOrCallbackId) =>
        verbOrCallbackId.StartsWith(ApprovalVerbs.Prefix, StringComparison.Ordinal) || verbOrCallbackId == ApprovalBlocks.RejectCallbackId;

    public async Task HandleButtonAsync(ButtonTurn button, Asker asker, CancellationToken cancellationToken)
    {
        if (!ApprovalVerbs.TryReadProposalId(button.Data, out var proposalId))
        {
            return;
        }

        if (button.Verb == ApprovalVerbs.Reject)
        {
            var proposal = await targetList.GetAsync(proposalId, cancellationToken);
            if (proposal is null || !proposal.IsApprover(asker.PersonId))
            {
                await TellAsync(button.Channel, button.UserId, ApprovalText.NotApprover(proposal), cancellationToken);
                return;
            }

            if (proposal.Status != ProposalStatus.Pending)
            {
                await UpdateAsync(button.Channel, button.MessageTs, proposal, cancellationToken);
                return;
            }

            await slack.OpenViewAsync(button.TriggerId ?? string.Empty, ApprovalBlocks.RejectModal(proposalId, button.Channel, button.MessageTs), cancellationToken);
            return;
        }

        var result = await targetList.DecideAsync(proposalId, asker.PersonId, new Decision(true, null, null), cancellationToken);
        await AnswerAsync(result, button.Channel, button.MessageTs, button.UserId, cancellationToken);
    }

    public async Task HandleSubmissionAsync(ViewSubmissionTurn submission, Asker asker, CancellationToken cancellationToken)
    {
        if (!ApprovalBlocks.TryReadMetadata(submission.PrivateMetadata, out var proposalId, out var channel, out var messageTs))
        {
            return;
        }

        RejectReason? reason = submission.Values.TryGetValue(ApprovalBlocks.ReasonActionId, out var text) && Enum.TryParse<RejectReason>(text, out var parsed) ? parsed : null;
        var comment = submission.Values.GetValueOrDefault(ApprovalBlocks.CommentActionId);
        var result = await targetList.DecideAsync(proposalId, asker.PersonId, new Decision(false, reason, comment), cancellationToken);
        await AnswerAsync(result, channel, messageTs, submission.UserId, cancellationToken);
    }

    private async Task AnswerAsync(DecisionResult result, string? channel, string? messageTs, string userId, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case DecisionOutcome.NotApprover:
                await TellAsync(channel, userId, ApprovalText.NotApprover(result.Proposal), cancellationToken);
                break;
            case DecisionOutcome.ReasonMissing:
                await TellAsync(channel, userId, "Pick a reason to reject. Nothing changed.", cancellationToken);
                break;
            case DecisionOutcome.AlreadyDecided or DecisionOutcome.Decided:
                await UpdateAsync(channel, messageTs, result.Proposal!, cancellationToken);
                break;
        }
    }

    private async Task UpdateAsync(string? channel, string? messageTs, ProposalView proposal, CancellationToken cancellationToken)
    {
        if (channel is not null && messageTs is not null)
        {
            await slack.UpdateMessageAsync(channel, messageTs, ApprovalBlocks.Message(proposal), cancellationToken);
        }
    }

    private async Task TellAsync(string? channel, string userId, string text, CancellationToken cancellationToken)
    {
        if (channel is not null)
        {
            await slack.PostEphemeralAsync(channel, userId, new SlackMessage(text, []), null, cancellationToken);
        }
    }
}
