namespace Abm.Core.TargetList;

/// <summary>Where a proposal to add an account to the Target Account List stands.</summary>
public enum ProposalStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>Why an approver rejected a proposal.</summary>
public enum RejectReason
{
    PoorFit,
    Duplicate,
    AlreadyCovered,
    NoCapacity,
    ExistingCustomer,
    Other,
}

/// <summary>What an audit entry records.</summary>
public enum AuditKind
{
    Proposed,
    Approved,
    Rejected,
    Changed,
}

/// <summary>
/// A request to put an account on the Target Account List. <see cref="Version"/> is the
/// concurrency token: a decision is a conditional update on (<see cref="Status"/> = Pending,
/// <see cref="Version"/>), so the first decision wins across bot instances.
/// </summary>
public sealed class TargetListProposal
{
    public long Id { get; set; }

    /// <summary>The known account, or null when the proposal names an account Abm does not know yet.</summary>
    public string? AccountId { get; set; }

    public required string AccountName { get; set; }

    /// <summary>Web domain, required for an account Abm does not know yet.</summary>
    public string? AccountDomain { get; set; }

    public required string RequesterId { get; set; }

    /// <summary>
    /// The account the proposal is about, as one comparable value: the account id, else
    /// <c>domain:</c> and the lower-case domain, else <c>name:</c> and the lower-case name. A
    /// unique index over pending proposals allows one pending proposal per key. Null on
    /// duplicates left from before that index.
    /// </summary>
    public string? AccountKey { get; set; }

    /// <summary>Why the requester wants the account targeted.</summary>
    public string? Rationale { get; set; }

    /// <summary>People who may decide, separated by <c>;</c>.</summary>
    public required string ApproverIds { get; set; }

    public ProposalStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? DeciderId { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public RejectReason? RejectReason { get; set; }

    public string? DecisionComment { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> Approvers => ApproverIds.Split(';', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One line of the Target Account List's audit trail.</summary>
public sealed class TargetListAuditEntry
{
    public long Id { get; set; }

    public long? ProposalId { get; set; }

    public string? AccountId { get; set; }

    public required string AccountName { get; set; }

    public AuditKind Kind { get; set; }

    public required string ActorId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The rationale, reason and comment, or what changed, in words.</summary>
    public string? Detail { get; set; }
}

/// <summary>A chat message that shows a proposal, so a decision can update it in place.</summary>
public sealed class ProposalMessage
{
    public long Id { get; set; }

    public long ProposalId { get; set; }

    /// <summary><c>msteams</c> or <c>slack</c>.</summary>
    public required string Channel { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>The Teams activity id or the Slack message <c>ts</c>.</summary>
    public required string MessageId { get; set; }
}
