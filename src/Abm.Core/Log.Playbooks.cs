using Microsoft.Extensions.Logging;

namespace Abm.Core;

// Event ids 1450–1499: playbooks.
internal static partial class Log
{
    [LoggerMessage(EventId = 1450, Level = LogLevel.Information, Message = "Started playbook program {ProgramId} from template {TemplateId}")]
    public static partial void ProgramStarted(ILogger logger, long programId, string templateId);

    [LoggerMessage(EventId = 1451, Level = LogLevel.Information, Message = "Playbook step {StepId}: {Action}")]
    public static partial void StepChanged(ILogger logger, long stepId, string action);

    [LoggerMessage(EventId = 1452, Level = LogLevel.Information, Message = "Playbook step {StepId} completed by a {EventType} event")]
    public static partial void StepCompletedByEvent(ILogger logger, long stepId, string eventType);

    [LoggerMessage(EventId = 1453, Level = LogLevel.Warning, Message = "Someone who may not act on playbook step {StepId} tried to change it")]
    public static partial void StepActionRefused(ILogger logger, long stepId);

    [LoggerMessage(EventId = 1454, Level = LogLevel.Information, Message = "Sent {Count} playbook reminders")]
    public static partial void RemindersSent(ILogger logger, int count);

    [LoggerMessage(EventId = 1455, Level = LogLevel.Error, Message = "Could not match {EventCount} stored events to playbook steps")]
    public static partial void EvidenceFailed(ILogger logger, int eventCount, Exception exception);

    [LoggerMessage(EventId = 1456, Level = LogLevel.Information, Message = "A concurrent start of playbook template {TemplateId} on account {AccountId} won; this start was rejected")]
    public static partial void ProgramStartLostRace(ILogger logger, string accountId, string templateId);
}
