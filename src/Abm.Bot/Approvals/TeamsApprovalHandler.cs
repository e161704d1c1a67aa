using Abm.Bot.Cards;
using Abm.Core.Answers;
using Abm.Core.TargetList;

namespace Abm.Bot.Approvals;

/// <summary>
/// Runs Approve, Reject and the refresh of approval cards in Teams. The clicker gets the card
/// back in the invoke response; everyone else's copy is updated by the notifier (PUT of the
/// original activity) once, by whichever decision won.
/// </summary>
internal sealed class TeamsApprovalHandler(TargetListService targetList, ApprovalPeople people) : ITeamsCardActionHandler
{
    public bool CanHandle(string verb) => verb.StartsWith(ApprovalVerbs.Prefix, StringComparison.Ordinal);

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken)
    {
        if (!ApprovalVerbs.TryReadProposalId(data, out var proposalId))
        {
            return AdaptiveCardInvokeResponse.BadRequest($"The card action carries no {ApprovalVerbs.ProposalIdKey}. Type \"pending approvals\" to find the proposal.");
        }

        if (verb == ApprovalVerbs.Refresh)
        {
            var current = await targetList.GetAsync(proposalId, cancellationToken);
            return current is null
                ? AdaptiveCardInvokeResponse.Message($"Proposal #{proposalId} no longer exists.")
                : AdaptiveCardInvokeResponse.Card(await RenderAsync(current, current.IsApprover(asker.PersonId), null, cancellationToken));
        }

        if (verb is not (ApprovalVerbs.Approve or ApprovalVerbs.Reject))
        {
            return AdaptiveCardInvokeResponse.BadRequest($"Unknown approval action \"{verb}\".");
        }

        var approve = verb == ApprovalVerbs.Approve;
        RejectReason? reason = data.TryGetValue(ApprovalVerbs.ReasonKey, out var reasonText) && Enum.TryParse<RejectReason>(reasonText, ignoreCase: false, out var parsed) ? parsed : null;
        var comment = data.GetValueOrDefault(ApprovalVerbs.CommentKey);
        var result = await targetList.DecideAsync(proposalId, asker.PersonId, new Decision(approve, reason, comment), cancellationToken);
        return result.Outcome switch
        {
            DecisionOutcome.NotFound => AdaptiveCardInvokeResponse.Message($"Proposal #{proposalId} no longer exists."),
            DecisionOutcome.NotApprover => AdaptiveCardInvokeResponse.Message(ApprovalText.NotApprover(result.Proposal)),
            DecisionOutcome.ReasonMissing => AdaptiveCardInvokeResponse.Card(await RenderAsync(result.Proposal!, true, "Pick a reason to reject.", cancellationToken)),
            _ => AdaptiveCardInvokeResponse.Card(await RenderAsync(result.Proposal!, false, null, cancellationToken)),
        };
    }

    private async Task<AdaptiveCard> RenderAsync(ProposalView proposal, bool actionable, string? notice, CancellationToken cancellationToken) =>
        ApprovalCardRenderer.Render(proposal, actionable, await people.TeamsIdsAsync(proposal.Approvers.Select(a => a.Id), cancellationToken), notice);
}
