using Abm.Bot.Approvals;
using Abm.Bot.Slack.Api;
using Abm.Bot.Slack.BlockKit;
using Abm.Bot.Slack.Turns;
using Abm.Core.Answers;
using Abm.Core.Playbooks;

namespace Abm.Bot.Playbooks;

/// <summary>
/// Done, Skip, Reassign and Snooze on step messages in Slack, after the 3-second acknowledgement.
/// Done acts at once; the others open a modal and act on its submission. The clicked message is
/// updated with <c>chat.update</c>; a person who may not change the step, or input that is not
/// valid, gets an ephemeral message and nothing changes. The next step goes to its owner by the notifier.
/// </summary>
internal sealed class SlackPlaybookHandler(PlaybookService playbooks, ApprovalPeople people, SlackApiClient slack) : ISlackInteractionHandler
{
    private const string StepGone = "This step no longer exists.";

    public bool CanHandle(string verbOrCallbackId) =>
        verbOrCallbackId.StartsWith(StepVerbs.Prefix, StringComparison.Ordinal) || verbOrCallbackId.StartsWith(StepBlocks.CallbackPrefix, StringComparison.Ordinal);

    public async Task HandleButtonAsync(ButtonTurn button, Asker asker, CancellationToken cancellationToken)
    {
        if (!StepVerbs.TryReadStepId(button.Data, out var stepId))
        {
            return;
        }

        if (button.Verb == StepVerbs.Done)
        {
            var result = await playbooks.ActAsync(stepId, asker.PersonId, new CompleteStep(), cancellationToken);
            await AnswerAsync(result, button.Channel, button.MessageTs, button.UserId, cancellationToken);
            return;
        }

        var step = await playbooks.GetStepAsync(stepId, cancellationToken);
        if (step is null)
        {
            await TellAsync(button.Channel, button.UserId, StepGone, cancellationToken);
            return;
        }

        if (!StepText.IsOpen(step))
        {
            await UpdateAsync(button.Channel, button.MessageTs, step, null, cancellationToken);
            return;
        }

        // Checked before the modal opens, so no one fills in a form that cannot change anything.
        if (!await playbooks.MayActAsync(stepId, asker.PersonId, cancellationToken))
        {
            await TellAsync(button.Channel, button.UserId, PlaybookService.NotAllowedMessage + " Nothing changed.", cancellationToken);
            return;
        }

        var modal = button.Verb switch
        {
            StepVerbs.Skip => StepBlocks.SkipModal(stepId, button.Channel, button.MessageTs),
            StepVerbs.Reassign => StepBlocks.ReassignModal(step, await people.AllAsync(cancellationToken), button.Channel, button.MessageTs),
            StepVerbs.Snooze => StepBlocks.SnoozeModal(stepId, button.Channel, button.MessageTs),
            _ => null,
        };
        if (modal is null)
        {
            var text = button.Verb == StepVerbs.Reassign ? "Nobody else is known to Abm, so the step cannot be reassigned." : $"Unknown step action \"{button.Verb}\".";
            await TellAsync(button.Channel, button.UserId, text, cancellationToken);
            return;
        }

        await slack.OpenViewAsync(button.TriggerId ?? string.Empty, modal, cancellationToken);
    }

    public async Task HandleSubmissionAsync(ViewSubmissionTurn submission, Asker asker, CancellationToken cancellationToken)
    {
        if (!ModalMetadata.TryRead(submission.PrivateMetadata, out var stepId, out var channel, out var messageTs))
        {
            return;
        }

        StepAction? action = submission.CallbackId switch
        {
            StepBlocks.SkipCallbackId => new SkipStep(submission.Values.GetValueOrDefault(StepBlocks.ReasonActionId) ?? string.Empty),
            StepBlocks.ReassignCallbackId when submission.Values.GetValueOrDefault(StepBlocks.OwnerActionId) is { Length: > 0 } owner => new ReassignStep(owner),
            StepBlocks.SnoozeCallbackId when StepBlocks.ReadSnooze(submission.Values) is { } span => new SnoozeStep(span),
            _ => null,
        };
        if (action is null)
        {
            await TellAsync(channel, submission.UserId, "The form was missing a choice. Nothing changed; click the button again.", cancellationToken);
            return;
        }

        var result = await playbooks.ActAsync(stepId, asker.PersonId, action, cancellationToken);
        await AnswerAsync(result, channel, messageTs, submission.UserId, cancellationToken);
    }

    private async Task AnswerAsync(StepResult result, string? channel, string? messageTs, string userId, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case StepOutcome.NotFound:
                await TellAsync(channel, userId, StepGone, cancellationToken);
                break;
            case StepOutcome.NotAllowed or StepOutcome.Invalid:
                await TellAsync(channel, userId, result.Message + " Nothing changed.", cancellationToken);
                break;
            case StepOutcome.Changed or StepOutcome.AlreadyClosed:
                await UpdateAsync(channel, messageTs, result.Step!, result.Message, cancellationToken);
                break;
        }
    }

    private async Task UpdateAsync(string? channel, string? messageTs, StepView step, string? notice, CancellationToken cancellationToken)
    {
        if (channel is not null && messageTs is not null)
        {
            await slack.UpdateMessageAsync(channel, messageTs, StepBlocks.Message(step, notice), cancellationToken);
        }
    }

    private async Task TellAsync(string? channel, string userId, string text, CancellationToken cancellationToken)
    {
        if (channel is not null)
        {
            await slack.PostEphemeralAsync(channel, userId, new SlackMessage(SlackText.Escape(text), []), null, cancellationToken);
        }
    }
}
