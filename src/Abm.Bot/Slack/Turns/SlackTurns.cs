using Abm.Bot.Slack.Inbound;

namespace Abm.Bot.Slack.Turns;

/// <summary>
/// Work accepted from Slack and done after the acknowledgement. <see cref="Keys"/> are the
/// receipts that must all be new for the turn to run, so a retried or duplicated delivery
/// produces no second answer.
/// </summary>
public abstract record SlackTurn(string Id, IReadOnlyList<string> Keys, string TeamId, string UserId);

/// <summary>A question from a mention or a direct message; the answer is posted with <c>chat.postMessage</c>.</summary>
public sealed record EventQuestionTurn(SlackQuestionEvent Question)
    : SlackTurn(
        "event:" + Question.EventId,
        [
            $"slack:event:{Question.TeamId}:{Question.EventId}",
            $"slack:message:{Question.TeamId}:{Question.Channel}:{Question.Ts}",
        ],
        Question.TeamId,
        Question.UserId);

/// <summary><c>/abm &lt;question&gt;</c>; the answer goes to the command's <c>response_url</c>.</summary>
public sealed record CommandQuestionTurn(SlackSlashCommand Command)
    : SlackTurn(
        "command:" + Command.TriggerId,
        [$"slack:command:{Command.TeamId}:{Command.TriggerId}"],
        Command.TeamId ?? string.Empty,
        Command.UserId ?? string.Empty);

/// <summary><c>/abm</c> with no text: opens the "Ask Abm" modal with the command's trigger id.</summary>
public sealed record OpenAskModalTurn(SlackSlashCommand Command)
    : SlackTurn(
        "modal:" + Command.TriggerId,
        [$"slack:command:{Command.TeamId}:{Command.TriggerId}"],
        Command.TeamId ?? string.Empty,
        Command.UserId ?? string.Empty);

/// <summary>A question typed into the "Ask Abm" modal; the answer goes to the user's direct message channel.</summary>
public sealed record ModalQuestionTurn(string TeamIdValue, string UserIdValue, string ViewId, string? ViewHash, string Question)
    : SlackTurn(
        "view:" + ViewId,
        [$"slack:view:{TeamIdValue}:{ViewId}:{ViewHash}"],
        TeamIdValue,
        UserIdValue);

/// <summary>
/// A button on an Abm message: runs the verb in the core and replaces the message, with
/// <c>chat.update</c> or, for ephemeral messages, the <c>response_url</c>.
/// </summary>
public sealed record ButtonTurn(
    string TeamIdValue,
    string UserIdValue,
    string ActionId,
    string ActionTs,
    string Verb,
    IReadOnlyDictionary<string, string> Data,
    string? Channel,
    string? MessageTs,
    bool IsEphemeral,
    string? ResponseUrl,
    string? TriggerId = null)
    : SlackTurn(
        "action:" + ActionTs,
        [$"slack:action:{TeamIdValue}:{UserIdValue}:{ActionId}:{ActionTs}"],
        TeamIdValue,
        UserIdValue);

/// <summary>
/// A submitted modal other than "Ask Abm", such as the Reject form of an approval; the handler
/// that owns <see cref="CallbackId"/> runs it after the acknowledgement.
/// </summary>
public sealed record ViewSubmissionTurn(
    string TeamIdValue,
    string UserIdValue,
    string ViewId,
    string? ViewHash,
    string CallbackId,
    string? PrivateMetadata,
    IReadOnlyDictionary<string, string> Values)
    : SlackTurn(
        "view:" + ViewId,
        [$"slack:view:{TeamIdValue}:{ViewId}:{ViewHash}"],
        TeamIdValue,
        UserIdValue);
