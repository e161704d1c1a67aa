using Abm.Core.Answers;
using Abm.Core.Domain;

namespace Abm.Core.Scoring;

/// <summary>One account's place in a funnel count: its stage and its money.</summary>
public readonly record struct FunnelAccount(FunnelStage Stage, decimal OpenPipelineUsd, decimal WonUsd);

/// <summary>Places accounts in the account-based funnel and counts funnels over sets of accounts.</summary>
/// <remarks>
/// The funnel is the funnel of the Target Account List: an account off the approved list is
/// Not targeted whatever its engagement or deals, so no stage counts it. On the list, the stage
/// is the furthest one the account's current state reaches. Lost deals move no account forward,
/// so an account whose only deals were lost falls back to Engaged or Target.
/// </remarks>
public static class Funnel
{
    /// <summary>The stages a funnel count reports, in order.</summary>
    public static readonly IReadOnlyList<FunnelStage> CountedStages =
    [
        FunnelStage.Target,
        FunnelStage.Engaged,
        FunnelStage.SalesQualifiedLead,
        FunnelStage.SalesAcceptedOpportunity,
        FunnelStage.Pipeline,
        FunnelStage.ClosedWon,
        FunnelStage.Expansion,
    ];

    /// <summary>Returns an account's stage.</summary>
    /// <param name="isTarget">Whether the account has an approved target-list entry; without one the stage is Not targeted.</param>
    /// <param name="band">The account's AES band; engaged or hot makes a target account Engaged.</param>
    public static FunnelStage StageOf(bool isTarget, EngagementBand band, IEnumerable<Opportunity> opportunities)
    {
        if (!isTarget)
        {
            return FunnelStage.NotTargeted;
        }

        var wonDeals = 0;
        bool openExpansion = false, pipeline = false, accepted = false, qualified = false;
        foreach (var opportunity in opportunities)
        {
            switch (opportunity.Stage)
            {
                case OpportunityStage.ClosedWon:
                    wonDeals++;
                    break;
                case OpportunityStage.Proposal or OpportunityStage.Negotiation when opportunity.Amount > 0:
                    pipeline = true;
                    break;
                case OpportunityStage.Discovery or OpportunityStage.Proposal or OpportunityStage.Negotiation:
                    accepted = true;
                    break;
                case OpportunityStage.Qualification:
                    qualified = true;
                    break;
                default:
                    break;
            }

            openExpansion |= opportunity.IsExpansion && opportunity.IsOpen;
        }

        return (wonDeals, openExpansion) switch
        {
            ( >= 2, _) or ( >= 1, true) => FunnelStage.Expansion,
            ( >= 1, _) => FunnelStage.ClosedWon,
            _ when pipeline => FunnelStage.Pipeline,
            _ when accepted => FunnelStage.SalesAcceptedOpportunity,
            _ when qualified => FunnelStage.SalesQualifiedLead,
            _ when band >= EngagementBand.Engaged => FunnelStage.Engaged,
            _ => FunnelStage.Target,
        };
    }

    /// <summary>Returns the amounts of open deals and of won deals.</summary>
    public static (decimal OpenPipelineUsd, int OpenOpportunities, decimal WonUsd) Totals(IEnumerable<Opportunity> opportunities)
    {
        decimal open = 0, won = 0;
        var openCount = 0;
        foreach (var opportunity in opportunities)
        {
            if (opportunity.IsOpen)
            {
                open += opportunity.Amount;
                openCount++;
            }
            else if (opportunity.Stage == OpportunityStage.ClosedWon)
            {
                won += opportunity.Amount;
            }
        }

        return (open, openCount, won);
    }

    /// <summary>
    /// Counts target accounts at each stage or beyond and the conversion from the stage before.
    /// Pipeline carries the open value of every open deal at target accounts (the Target Account
    /// Pipeline), Closed Won the won value at target accounts, Expansion the won value at
    /// accounts at Expansion. Not targeted accounts add nothing.
    /// </summary>
    public static IReadOnlyList<FunnelStageCount> Count(IEnumerable<FunnelAccount> accounts)
    {
        var counts = new int[CountedStages.Count];
        var pipelineUsd = 0m;
        var wonUsd = 0m;
        var expansionUsd = 0m;
        foreach (var account in accounts)
        {
            for (var s = 0; s < CountedStages.Count && account.Stage >= CountedStages[s]; s++)
            {
                counts[s]++;
            }

            if (account.Stage == FunnelStage.NotTargeted)
            {
                continue;
            }

            pipelineUsd += account.OpenPipelineUsd;
            wonUsd += account.WonUsd;

            if (account.Stage == FunnelStage.Expansion)
            {
                expansionUsd += account.WonUsd;
            }
        }

        var result = new List<FunnelStageCount>(CountedStages.Count);
        for (var s = 0; s < CountedStages.Count; s++)
        {
            double? conversion = s == 0 || counts[s - 1] == 0 ? null : (double)counts[s] / counts[s - 1];
            decimal? value = CountedStages[s] switch
            {
                FunnelStage.Pipeline => pipelineUsd,
                FunnelStage.ClosedWon => wonUsd,
                FunnelStage.Expansion => expansionUsd,
                _ => null,
            };
            result.Add(new FunnelStageCount(CountedStages[s], counts[s], conversion, value));
        }

        return result;
    }
}
