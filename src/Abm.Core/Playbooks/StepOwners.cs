using Abm.Core.Domain;

namespace Abm.Core.Playbooks;

/// <summary>
/// Picks who owns a step from its business function: sales steps go to the account owner, the
/// other functions to the first person (by id) with that role, preferring the owner's team;
/// with nobody in that role, the person who started the program owns the step.
/// </summary>
public static class StepOwners
{
    public static string Pick(StepFunction function, Account account, string starterId, IReadOnlyList<Person> people)
    {
        var owner = account.OwnerId is { } ownerId ? people.FirstOrDefault(p => p.Id == ownerId) : null;
        if (function == StepFunction.Sales)
        {
            return owner?.Id ?? starterId;
        }

        var role = function switch
        {
            StepFunction.Marketing => PersonRole.Marketing,
            StepFunction.SalesDevelopment => PersonRole.Sdr,
            StepFunction.CustomerSuccess => PersonRole.CustomerSuccess,
            _ => PersonRole.Executive,
        };
        var candidates = people.Where(p => p.Role == role).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var sameTeam = owner?.Team is { } team ? candidates.FirstOrDefault(p => p.Team == team) : null;
        return (sameTeam ?? candidates.FirstOrDefault())?.Id ?? starterId;
    }
}
