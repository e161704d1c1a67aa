using Abm.Bot.Slack.Api;
using Abm.Bot.Slack.BlockKit;
using Abm.Bot.Slack.Turns;
using Abm.Core.Answers;
using Abm.Core.TargetList;

namespace Abm.Bot.Approvals;

/// <summary>
/// "Propose for target list" on a Slack account or alert message. The button opens a modal that
/// requests the reason. The submission runs the same proposal flow as chat and the Teams button,
/// and the rep gets the result privately: an ephemeral message where the button was, or a direct
/// message when the channel is unknown.
/// </summary>
internal sealed class SlackProposeHandler(IAssistant assistant, SlackApiClient slack) : ISlackInteractionHandler
{
    public const string CallbackId = "abm.targetlist.propose";
    public const string ReasonBlockId = "proposal_reason";
    public const string ReasonActionId = "proposal_reason_input";

    public bool CanHandle(string verbOrCallbackId) => verbOrCallbackId is WorkflowVerbs.Propose or CallbackId;

    public async Task HandleButtonAsync(ButtonTurn button, Asker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(button);
        if (!button.Data.TryGetValue(ReplyVerbs.AccountIdKey, out var accountId) || string.IsNullOrWhiteSpace(accountId))
        {
            await TellAsync(button.Channel, button.UserId, $"The button carries no {ReplyVerbs.AccountIdKey}. Propose in chat instead: \"add <account> to the target list because …\".", cancellationToken);
            return;
        }

        await slack.OpenViewAsync(button.TriggerId ?? string.Empty, Modal(accountId, button.Channel), cancellationToken);
    }

    public async Task HandleSubmissionAsync(ViewSubmissionTurn submission, Asker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!TryReadMetadata(submission.PrivateMetadata, out var accountId, out var channel))
        {
            return;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [ReplyVerbs.AccountIdKey] = accountId };
        if (submission.Values.TryGetValue(ReasonActionId, out var reason))
        {
            data[WorkflowVerbs.ReasonKey] = reason;
        }

        var reply = await assistant.ExecuteAsync(WorkflowVerbs.Propose, data, asker with { ConversationId = channel }, cancellationToken);
        await TellAsync(channel, submission.UserId, BlockKitRenderer.Render(reply), cancellationToken);
    }

    /// <summary>The reason modal; its private metadata carries the account id and the channel of the clicked message.</summary>
    public static ModalView Modal(string accountId, string? channel) => new(
        new PlainText("Propose for target list"),
        [
            new InputBlock(
                new PlainText("Why should this account be a target?"),
                new PlainTextInputElement(ReasonActionId, new PlainText("Met their CFO at the summit"), Multiline: true, MaxLength: WorkflowVerbs.MaxReasonLength))
            {
                BlockId = ReasonBlockId,
            },
        ],
        CallbackId,
        Submit: new PlainText("Send proposal"),
        Close: new PlainText("Cancel"),
        PrivateMetadata: (channel ?? string.Empty) + "|" + accountId);

    /// <summary>Reads "channel|account id"; the channel comes first because Slack channel ids never contain '|'.</summary>
    public static bool TryReadMetadata(string? metadata, out string accountId, out string? channel)
    {
        (accountId, channel) = (string.Empty, null);
        var separator = (metadata ?? string.Empty).IndexOf('|', StringComparison.Ordinal);
        if (separator < 0 || separator == metadata!.Length - 1)
        {
            return false;
        }

        (channel, accountId) = (separator > 0 ? metadata[..separator] : null, metadata[(separator + 1)..]);
        return true;
    }

    private Task TellAsync(string? channel, string userId, string text, CancellationToken cancellationToken) =>
        TellAsync(channel, userId, new SlackMessage(text, []), cancellationToken);

    private async Task TellAsync(string? channel, string userId, SlackMessage message, CancellationToken cancellationToken)
    {
        if (channel is not null)
        {
            await slack.PostEphemeralAsync(channel, userId, message, null, cancellationToken);
            return;
        }

        var direct = await slack.OpenDirectMessageAsync(userId, cancellationToken);
        await slack.PostMessageAsync(direct, message, null, cancellationToken);
    }
}
