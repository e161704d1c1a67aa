namespace Abm.Core.TargetList;

/// <summary>A person named on a proposal: id and display name.</summary>
public sealed record PersonRef(string Id, string Name);

/// <summary>A proposal with its people's names and its evidence: everything a card shows.</summary>
public sealed record ProposalView(
    long Id,
    string? AccountId,
    string AccountName,
    string? AccountDomain,
    PersonRef Requester,
    string? Rationale,
    IReadOnlyList<PersonRef> Approvers,
    ProposalStatus Status,
    DateTimeOffset CreatedAt,
    PersonRef? Decider,
    DateTimeOffset? DecidedAt,
    RejectReason? RejectReason,
    string? DecisionComment,
    ProposalEvidence Evidence)
{
    public bool IsApprover(string? personId) =>
        personId is not null && Approvers.Any(a => string.Equals(a.Id, personId, StringComparison.Ordinal));
}

/// <summary>Tells people about proposals: the channels implement it; the default does nothing.</summary>
public interface IApprovalNotifier
{
    /// <summary>A proposal was made: send the approval card to its approvers.</summary>
    Task ProposalCreatedAsync(ProposalView proposal, CancellationToken cancellationToken);

    /// <summary>A proposal was decided, once: update every message that shows it and tell the requester.</summary>
    Task ProposalDecidedAsync(ProposalView proposal, CancellationToken cancellationToken);

    /// <summary>
    /// An approver asked for their pending proposals: send them the approval card of each one
    /// whose card could not reach them when it was made (they had no chat with Abm yet).
    /// </summary>
    Task SendMissedCardsAsync(IReadOnlyList<ProposalView> pending, string approverId, CancellationToken cancellationToken);
}

/// <summary>The notifier when no channel is configured, such as in <c>abm ask</c>.</summary>
public sealed class NoApprovalNotifier : IApprovalNotifier
{
    public Task ProposalCreatedAsync(ProposalView proposal, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ProposalDecidedAsync(ProposalView proposal, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendMissedCardsAsync(IReadOnlyList<ProposalView> pending, string approverId, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Reason codes as people read them.</summary>
public static class RejectReasonText
{
    public static string Of(RejectReason reason) => reason switch
    {
        RejectReason.PoorFit => "Poor ICP fit",
        RejectReason.Duplicate => "Duplicate of another account",
        RejectReason.AlreadyCovered => "Already covered by a parent or subsidiary",
        RejectReason.NoCapacity => "Owner has no capacity",
        RejectReason.ExistingCustomer => "Existing customer",
        _ => "Other",
    };
}
