using System.Globalization;
using Abm.Bot.Approvals;
using Abm.Bot.Cards;
using Abm.Core.Answers;
using Abm.Core.Playbooks;

namespace Abm.Bot.Playbooks;

/// <summary>Runs Done, Skip, Reassign and Snooze on step cards in Teams; the next step goes to its owner by the notifier.</summary>
internal sealed class TeamsPlaybookHandler(PlaybookService playbooks, ApprovalPeople people) : ITeamsCardActionHandler
{
    public bool CanHandle(string verb) => verb.StartsWith(StepVerbs.Prefix, StringComparison.Ordinal);

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken)
    {
        if (!StepVerbs.TryReadStepId(data, out var stepId))
        {
            return AdaptiveCardInvokeResponse.BadRequest($"The card action carries no {StepVerbs.StepIdKey}. Type \"playbook status <account>\" to find the step.");
        }

        StepAction? action = verb switch
        {
            StepVerbs.Done => new CompleteStep(),
            StepVerbs.Skip => new SkipStep(data.GetValueOrDefault(StepVerbs.SkipReasonKey) ?? string.Empty),
            StepVerbs.Reassign when data.GetValueOrDefault(StepVerbs.NewOwnerKey) is { Length: > 0 } owner => new ReassignStep(owner),
            StepVerbs.Snooze => new SnoozeStep(TimeSpan.FromDays(int.TryParse(data.GetValueOrDefault(StepVerbs.SnoozeDaysKey), NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : 3)),
            _ => null,
        };
        if (action is null)
        {
            var current = await playbooks.GetStepAsync(stepId, cancellationToken);
            return current is null
                ? AdaptiveCardInvokeResponse.Message("This step no longer exists.")
                : AdaptiveCardInvokeResponse.Card(StepCardRenderer.Render(current, await people.AllAsync(cancellationToken), verb == StepVerbs.Reassign ? "Pick a person to reassign the step to." : $"Unknown step action \"{verb}\"."));
        }

        var result = await playbooks.ActAsync(stepId, asker.PersonId, action, cancellationToken);
        return result.Outcome switch
        {
            StepOutcome.NotFound => AdaptiveCardInvokeResponse.Message("This step no longer exists."),
            StepOutcome.NotAllowed => AdaptiveCardInvokeResponse.Message(result.Message + " Nothing changed."),
            _ => AdaptiveCardInvokeResponse.Card(StepCardRenderer.Render(result.Step!, await people.AllAsync(cancellationToken), result.Message)),
        };
    }
}
