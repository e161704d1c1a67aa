using Abm.Bot.Cards;
using Abm.Core.Answers;

namespace Abm.Bot.Approvals;

/// <summary>
/// Handles the <c>adaptiveCard/action</c> invokes of cards whose answer is more than a new card
/// for the clicker, such as approvals (a private message for non-approvers, updates for everyone).
/// The invoke turn asks each handler before it runs the verb through the assistant.
/// </summary>
public interface ITeamsCardActionHandler
{
    bool CanHandle(string verb);

    Task<AdaptiveCardInvokeResponse> HandleAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken);
}
