using System.Globalization;
using Abm.Bot.Slack.BlockKit;
using Abm.Core.Answers;
using Abm.Core.Playbooks;
using Abm.Core.TargetList;

namespace Abm.Bot.Playbooks;

/// <summary>
/// The step message and the Skip, Reassign and Snooze modals in Slack. Done acts at once. The
/// other buttons open a modal, so the message stays short and Slack requires the reason before the form submits.
/// </summary>
public static class StepBlocks
{
    /// <summary>Prefix of the step modals' callback ids.</summary>
    public const string CallbackPrefix = "abm.playbook.";
    public const string SkipCallbackId = "abm.playbook.skip";
    public const string ReassignCallbackId = "abm.playbook.reassign";
    public const string SnoozeCallbackId = "abm.playbook.snooze";

    public const string ReasonBlockId = "reason";
    public const string ReasonActionId = "reason_input";
    public const string OwnerBlockId = "owner";
    public const string OwnerActionId = "owner_select";
    public const string SnoozeBlockId = "snooze";
    public const string SnoozeActionId = "snooze_select";

    /// <summary>Longest skip reason accepted, as on the Teams card.</summary>
    public const int MaxReasonLength = 500;

    private static readonly int[] SnoozeDays = [1, 3, 7];

    public static SlackMessage Message(StepView step, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        var composer = new MessageComposer();
        composer.Header(StepText.Heading(step));
        composer.Section($"*{SlackText.Escape(step.Title)}*\n{SlackText.Escape(step.Guidance)}");
        composer.Fields(
        [
            $"*Function*\n{StepFunctionText.Of(step.Function)}",
            $"*Owner*\n{SlackText.Escape(step.Owner.Name)}",
            $"*Due*\n{StepText.Due(step)}",
            $"*Status*\n{SlackText.Escape(StepText.Status(step))}",
        ]);
        if (StepText.SelfCompletion(step) is { } selfCompletion)
        {
            composer.Context(SlackText.Escape(selfCompletion));
        }

        if (StepText.Completion(step) is { } completion)
        {
            composer.Context(SlackText.Escape(completion));
        }

        if (notice is not null)
        {
            composer.Section($"*{SlackText.Escape(notice)}*");
        }

        if (StepText.IsOpen(step))
        {
            var data = StepVerbs.Data(step.Id);
            composer.Button(new ReplyAction(StepVerbs.Done, "Done", data));
            composer.Button(new ReplyAction(StepVerbs.Skip, "Skip…", data));
            composer.Button(new ReplyAction(StepVerbs.Reassign, "Reassign…", data));
            composer.Button(new ReplyAction(StepVerbs.Snooze, "Snooze…", data));
        }

        // The notification shows the notice first, so a reminder reads as one.
        var summary = $"{StepText.Heading(step)}. {step.Title}. {StepText.Status(step)}";
        return composer.Build(SlackText.Escape(notice is null ? summary : $"{notice} {summary}"));
    }

    /// <summary>The Skip modal: a required reason.</summary>
    public static ModalView SkipModal(long stepId, string? channel, string? messageTs) => new(
        new PlainText("Skip step"),
        [
            new InputBlock(
                new PlainText("Reason to skip"),
                new PlainTextInputElement(ReasonActionId, new PlainText("Why the step does not apply"), Multiline: true, MaxLength: MaxReasonLength))
            {
                BlockId = ReasonBlockId,
            },
        ],
        SkipCallbackId,
        Submit: new PlainText("Skip"),
        Close: new PlainText("Cancel"),
        PrivateMetadata: ModalMetadata.Write(stepId, channel, messageTs));

    /// <summary>
    /// The Reassign modal: an <c>external_select</c> whose options Slack loads from Abm as the user
    /// types (<see cref="SlackStepOwnerOptions"/>), so it reaches everyone however large the team.
    /// Returns null when no one else can take the step.
    /// </summary>
    public static ModalView? ReassignModal(StepView step, IReadOnlyList<PersonRef> people, string? channel, string? messageTs)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(people);
        if (!people.Any(p => p.Id != step.Owner.Id && p.Id.Length <= BlockKitLimits.OptionValue))
        {
            return null;
        }

        // With 0, Slack loads the first 100 people when the menu opens; typing narrows them.
        var select = new ExternalSelectElement(OwnerActionId, new PlainText("Type a name or email"), MinQueryLength: 0);
        return new(
            new PlainText("Reassign step"),
            [
                new InputBlock(new PlainText("Reassign to"), select) { BlockId = OwnerBlockId },
            ],
            ReassignCallbackId,
            Submit: new PlainText("Reassign"),
            Close: new PlainText("Cancel"),
            PrivateMetadata: ModalMetadata.Write(step.Id, channel, messageTs));
    }

    /// <summary>The Snooze modal: 1, 3 or 7 days, 3 selected.</summary>
    public static ModalView SnoozeModal(long stepId, string? channel, string? messageTs)
    {
        var options = SnoozeDays
            .Select(days => new SelectOption(new PlainText(days == 1 ? "1 day" : $"{days} days"), days.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return new(
            new PlainText("Snooze step"),
            [
                new InputBlock(new PlainText("Snooze for"), new StaticSelectElement(SnoozeActionId, new PlainText("Pick how long"), options) { InitialOption = options[1] })
                {
                    BlockId = SnoozeBlockId,
                },
            ],
            SnoozeCallbackId,
            Submit: new PlainText("Snooze"),
            Close: new PlainText("Cancel"),
            PrivateMetadata: ModalMetadata.Write(stepId, channel, messageTs));
    }

    /// <summary>Reads the snooze length from a submitted Snooze modal; null unless it is one of the offered lengths.</summary>
    public static TimeSpan? ReadSnooze(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(SnoozeActionId, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            && SnoozeDays.Contains(days)
                ? TimeSpan.FromDays(days)
                : null;
    }

    /// <summary>A person as an option of the Reassign select: the name as text, the person id as value.</summary>
    public static SelectOption OwnerOption(PersonRef person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new SelectOption(new PlainText(OptionText(person.Name)), person.Id);
    }

    private static string OptionText(string name)
    {
        var text = SlackText.Shorten(name.ReplaceLineEndings(" ").Trim(), BlockKitLimits.OptionText);
        return text.Length > 0 ? text : "(no name)";
    }
}
