using Abm.Core.Answers;

namespace Abm.Bot.Slack.Turns;

/// <summary>
/// Runs buttons and modal submissions whose answer is more than replacing the message, such as
/// approvals. The turn handler asks each one before it runs a button's verb through the assistant.
/// </summary>
public interface ISlackInteractionHandler
{
    /// <summary>True for the button verbs and modal callback ids this handler owns.</summary>
    bool CanHandle(string verbOrCallbackId);

    Task HandleButtonAsync(ButtonTurn button, Asker asker, CancellationToken cancellationToken);

    Task HandleSubmissionAsync(ViewSubmissionTurn submission, Asker asker, CancellationToken cancellationToken);
}
