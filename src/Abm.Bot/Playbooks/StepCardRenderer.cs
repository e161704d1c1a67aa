using Abm.Bot.Cards;
using Abm.Core.Playbooks;
using Abm.Core.TargetList;

namespace Abm.Bot.Playbooks;

/// <summary>The card of one playbook step: guidance, owner, due date and, while open, Done, Skip, Reassign and Snooze.</summary>
public static class StepCardRenderer
{
    /// <summary>People listed in the Reassign drop-down; a typed name or email reaches the rest.</summary>
    public const int MaxOwnerChoices = 50;

    public static AdaptiveCard Render(StepView step, IReadOnlyList<PersonRef> people, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(people);
        var heading = StepText.Heading(step);
        var body = new List<CardElement>
        {
            CardBlocks.PlainHeading(heading),
            CardBlocks.Plain(step.Title),
            CardBlocks.Text(CardText.Escape(step.Guidance)),
            new FactSet
            {
                Facts =
                [
                    new Fact("Function", StepFunctionText.Of(step.Function)),
                    new Fact("Owner", CardText.Escape(step.Owner.Name)),
                    new Fact("Due", StepText.Due(step)),
                    new Fact("Status", CardText.Escape(StepText.Status(step))),
                ],
            },
        };
        if (StepText.SelfCompletion(step) is { } selfCompletion)
        {
            body.Add(CardBlocks.Subtle(CardText.Escape(selfCompletion)));
        }

        if (StepText.Completion(step) is { } completion)
        {
            body.Add(CardBlocks.Subtle(CardText.Escape(completion)));
        }

        if (notice is not null)
        {
            body.Add(new TextBlock(CardText.Escape(notice)) { Wrap = true, Color = TextColor.Attention });
        }

        if (StepText.IsOpen(step))
        {
            var data = StepVerbs.Data(step.Id);
            body.Add(new TextInput(StepVerbs.SkipReasonKey) { Label = "Reason to skip", Placeholder = "Needed to skip", MaxLength = 500 });
            var others = people.Where(p => p.Id != step.Owner.Id).ToList();
            body.Add(new ChoiceSetInput(StepVerbs.NewOwnerKey)
            {
                Label = "Reassign to",
                Placeholder = "Pick a person",
                Choices = [.. others.Take(MaxOwnerChoices).Select(p => new Choice(CardText.Clean(p.Name), p.Id))],
            });
            if (others.Count > MaxOwnerChoices)
            {
                // TODO: a Data.Query typeahead (an application/search invoke) would search everyone inside the list itself.
                body.Add(new TextInput(StepVerbs.NewOwnerQueryKey)
                {
                    Label = $"Or type a name or email (the list shows the first {MaxOwnerChoices} of {others.Count} people)",
                    Placeholder = "Name or email",
                    MaxLength = 200,
                });
            }
            body.Add(new ChoiceSetInput(StepVerbs.SnoozeDaysKey)
            {
                Label = "Snooze for",
                Value = "3",
                Choices = [new Choice("1 day", "1"), new Choice("3 days", "3"), new Choice("7 days", "7")],
            });
            body.Add(new ActionSet
            {
                Id = "step-actions",
                Actions =
                [
                    CardBlocks.Execute(StepVerbs.Done, "Done", data),
                    CardBlocks.Execute(StepVerbs.Skip, "Skip", data),
                    CardBlocks.Execute(StepVerbs.Reassign, "Reassign", data),
                    CardBlocks.Execute(StepVerbs.Snooze, "Snooze", data),
                ],
            });
        }

        return CardBlocks.Card($"{heading}. {step.Title}. {StepText.Status(step)}", body);
    }
}
