using Abm.Bot.Approvals;
using Abm.Bot.Slack.BlockKit;
using Abm.Bot.Slack.Turns;
using Abm.Core.Playbooks;

namespace Abm.Bot.Playbooks;

/// <summary>
/// The people the Reassign modal's select offers: everyone whose name or email contains the
/// typed text, except the step's current owner, the first 100 by name.
/// </summary>
internal sealed class SlackStepOwnerOptions(PlaybookService playbooks, ApprovalPeople people) : ISlackOptionsProvider
{
    public bool CanHandle(string actionId) => actionId == StepBlocks.OwnerActionId;

    public async Task<IReadOnlyList<SelectOption>> OptionsAsync(string actionId, string query, string? privateMetadata, CancellationToken cancellationToken)
    {
        string? ownerId = null;
        if (ModalMetadata.TryRead(privateMetadata, out var stepId, out _, out _))
        {
            ownerId = (await playbooks.GetStepAsync(stepId, cancellationToken))?.Owner.Id;
        }

        var matches = await people.SearchAsync(query, ownerId, BlockKitLimits.OptionValue, BlockKitLimits.SelectOptions, cancellationToken);
        return [.. matches.Select(StepBlocks.OwnerOption)];
    }
}
