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

        if (verb == StepVerbs.Reassign && string.IsNullOrEmpty(data.GetValueOrDefault(StepVerbs.NewOwnerKey))
            && data.GetValueOrDefault(StepVerbs.NewOwnerQueryKey) is { Length: > 0 } query)
        {
            var (ownerId, notice) = await FindOwnerAsync(stepId, query, cancellationToken);
            if (ownerId is null)
            {
                var step = await playbooks.GetStepAsync(stepId, cancellationToken);
                return step is null
                    ? AdaptiveCardInvokeResponse.Message("This step no longer exists.")
                    : AdaptiveCardInvokeResponse.Card(StepCardRenderer.Render(step, await people.AllAsync(cancellationToken), notice));
            }

            data = new Dictionary<string, string>(data, StringComparer.Ordinal) { [StepVerbs.NewOwnerKey] = ownerId };
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

    /// <summary>
    /// Finds the person a typed name or email means: the only match, or the one match whose name
    /// equals the text. Otherwise returns a notice with what to type instead.
    /// </summary>
    private async Task<(string? OwnerId, string? Notice)> FindOwnerAsync(long stepId, string query, CancellationToken cancellationToken)
    {
        var ownerId = (await playbooks.GetStepAsync(stepId, cancellationToken))?.Owner.Id;
        var matches = await people.SearchAsync(query, ownerId, int.MaxValue, MaxMatchesShown + 1, cancellationToken);
        if (matches.Count == 1)
        {
            return (matches[0].Id, null);
        }

        var exact = matches.Where(p => string.Equals(p.Name, query.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1)
        {
            return (exact[0].Id, null);
        }

        if (matches.Count == 0)
        {
            return (null, $"Nobody else's name or email contains \"{query.Trim()}\". Nothing changed.");
        }

        var shown = string.Join(", ", matches.Take(MaxMatchesShown).Select(p => p.Name));
        var more = matches.Count > MaxMatchesShown ? " and more" : string.Empty;
        return (null, $"Several people match \"{query.Trim()}\": {shown}{more}. Type more of the name, or the email. Nothing changed.");
    }

    private const int MaxMatchesShown = 5;
}
