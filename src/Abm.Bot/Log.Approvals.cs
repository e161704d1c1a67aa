using Microsoft.Extensions.Logging;

namespace Abm.Bot;

// Event ids 2700–2799: approvals and playbooks in the chat channels.
internal static partial class Log
{
    [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "Proposal {ProposalId}: no Teams conversation for the {Target}; the card was not sent there")]
    public static partial void ApprovalTargetMissing(ILogger logger, long proposalId, string target);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Error, Message = "Proposal {ProposalId}: the {Operation} call failed")]
    public static partial void ApprovalSendFailed(ILogger logger, long proposalId, string operation, Exception exception);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Error, Message = "Playbook step {StepId}: the {Operation} call failed")]
    public static partial void StepSendFailed(ILogger logger, long stepId, string operation, Exception exception);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Warning, Message = "Playbook step {StepId}: its owner has no Teams conversation with Abm and no Slack user id, so the step card was not sent")]
    public static partial void StepOwnerUnreachable(ILogger logger, long stepId);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Error, Message = "The playbook reminder run failed")]
    public static partial void ReminderRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2705, Level = LogLevel.Warning, Message = "Playbook step {StepId}: the card in conversation {ConversationId} was not edited, because its Teams conversation or the chat client is no longer configured")]
    public static partial void StepCardNotEdited(ILogger logger, long stepId, string conversationId);
}
