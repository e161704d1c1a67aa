using Abm.Core.TargetList;
using Microsoft.Extensions.Logging;

namespace Abm.Core;

// Event ids 1400–1449: target-list proposals and decisions.
internal static partial class Log
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Created target-list proposal {ProposalId} for {ApproverCount} approvers")]
    public static partial void ProposalCreated(ILogger logger, long proposalId, int approverCount);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Proposal {ProposalId} decided: {Status}")]
    public static partial void ProposalDecided(ILogger logger, long proposalId, ProposalStatus status);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "A decision on proposal {ProposalId} lost to an earlier one")]
    public static partial void DecisionLost(ILogger logger, long proposalId);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Someone who is not an approver tried to decide proposal {ProposalId}")]
    public static partial void NotApprover(ILogger logger, long proposalId);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "A concurrent proposal of the same account was saved first as proposal {ProposalId}; this one was rejected")]
    public static partial void ProposalLostRace(ILogger logger, long proposalId);
}
