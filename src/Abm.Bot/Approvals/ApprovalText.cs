using System.Globalization;
using Abm.Core;
using Abm.Core.Answers;
using Abm.Core.Scoring;
using Abm.Core.TargetList;

namespace Abm.Bot.Approvals;

/// <summary>The words approval cards and messages share across Teams and Slack.</summary>
public static class ApprovalText
{
    public static string Title(ProposalView proposal) =>
        $"Target Account List proposal #{proposal.Id}: {proposal.AccountName}";

    public static string Fit(ProposalView proposal) =>
        $"{NumberText.Points(proposal.Evidence.Fit.Score)} ({ReplyText.TierText(proposal.Evidence.Fit.Tier)})";

    public static string Engagement(ProposalView proposal) => proposal.Evidence.Engagement is { } aes
        ? ReplyText.AesText(aes.Score, aes.Band, aes.Change7Days)
        : "No engagement yet: Abm does not know this account";

    public static string Owner(ProposalView proposal) => proposal.Evidence.OwnerName is { } owner
        ? $"{owner}, who holds {proposal.Evidence.OwnerTargetCount} target accounts"
        : "No owner yet";

    public static IEnumerable<string> Contributions(ProposalView proposal) =>
        proposal.Evidence.Fit.Contributions.Select(c =>
            $"{c.Criterion}: {c.Points.ToString("0.#", CultureInfo.InvariantCulture)} of {c.MaxPoints.ToString("0.#", CultureInfo.InvariantCulture)} ({c.Reason})");

    public static IEnumerable<string> Overlaps(ProposalView proposal) =>
        proposal.Evidence.Duplicates.Select(d => $"Possible duplicate: {d.Name} ({d.Why}{(d.IsTarget ? ", already a target" : string.Empty)})")
            .Concat(proposal.Evidence.RelatedTargets.Select(r => $"Already targeted {r.Relation}: {r.Name}"));

    /// <summary>Tells the requester which approvers the card could not reach, and how they can get it.</summary>
    public static string Unreachable(ProposalView proposal, IReadOnlyList<string> approvers)
    {
        var names = string.Join(" and ", approvers);
        var verb = approvers.Count == 1 ? "has" : "have";
        return $"The approval card for proposal #{proposal.Id} ({proposal.AccountName}) could not reach {names}, who {verb} not chatted with Abm in Teams or Slack yet. "
            + $"Ask {names} to send Abm \"pending approvals\", and the card will reach them there.";
    }

    /// <summary>"Approved by Mia Manager on 2026-03-20 09:00 UTC: comment", or "Waiting for …".</summary>
    public static string Status(ProposalView proposal)
    {
        if (proposal.Status == ProposalStatus.Pending)
        {
            return $"Waiting for {string.Join(" or ", proposal.Approvers.Select(a => a.Name))}";
        }

        var verb = proposal.Status == ProposalStatus.Approved ? "Approved" : "Rejected";
        var when = proposal.DecidedAt is { } decidedAt ? DateText.DateAndTime(decidedAt) : null;
        var why = proposal.RejectReason is { } reason ? RejectReasonText.Of(reason) : null;
        if (proposal.DecisionComment is { } comment)
        {
            why = why is null ? comment : $"{why}: {comment}";
        }

        return $"{verb} by {proposal.Decider?.Name} on {when}{(why is null ? string.Empty : " — " + why)}";
    }

    /// <summary>What the requester hears once the proposal is decided.</summary>
    public static string Outcome(ProposalView proposal) =>
        $"Your proposal to add {proposal.AccountName} to the Target Account List was {Status(proposal).ToLowerInvariant()[..1]}{Status(proposal)[1..]}.";

    /// <summary>The private answer to someone who may not decide.</summary>
    public static string NotApprover(ProposalView? proposal) =>
        $"Only {(proposal is null ? "the approvers" : string.Join(" or ", proposal.Approvers.Select(a => a.Name)))} can decide this proposal. Nothing changed.";

}
