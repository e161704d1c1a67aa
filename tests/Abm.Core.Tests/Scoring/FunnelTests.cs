using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Scoring;

public class FunnelTests
{
    private static Opportunity Opp(OpportunityStage stage, decimal amount = 1000, bool expansion = false) =>
        new() { Id = Guid.NewGuid().ToString(), AccountId = "a-1", Stage = stage, Amount = amount, IsExpansion = expansion };

    public static TheoryData<bool, EngagementBand, OpportunityStage[], FunnelStage> Cases => new()
    {
        { false, EngagementBand.Cold, [], FunnelStage.NotTargeted },
        { true, EngagementBand.Warm, [], FunnelStage.Target },
        { true, EngagementBand.Engaged, [], FunnelStage.Engaged },
        { false, EngagementBand.Hot, [], FunnelStage.NotTargeted },
        { false, EngagementBand.Cold, [OpportunityStage.ClosedWon], FunnelStage.NotTargeted },
        { false, EngagementBand.Cold, [OpportunityStage.Proposal], FunnelStage.NotTargeted },
        { true, EngagementBand.Cold, [OpportunityStage.Qualification], FunnelStage.SalesQualifiedLead },
        { true, EngagementBand.Cold, [OpportunityStage.Discovery, OpportunityStage.Qualification], FunnelStage.SalesAcceptedOpportunity },
        { true, EngagementBand.Cold, [OpportunityStage.Proposal], FunnelStage.Pipeline },
        { true, EngagementBand.Cold, [OpportunityStage.Negotiation], FunnelStage.Pipeline },
        { true, EngagementBand.Cold, [OpportunityStage.ClosedWon, OpportunityStage.Proposal], FunnelStage.ClosedWon },
        { true, EngagementBand.Cold, [OpportunityStage.ClosedWon, OpportunityStage.ClosedWon], FunnelStage.Expansion },
        { true, EngagementBand.Hot, [OpportunityStage.ClosedLost], FunnelStage.Engaged },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void StageOf_Cases(bool isTarget, EngagementBand band, OpportunityStage[] stages, FunnelStage expected)
    {
        Assert.Equal(expected, Funnel.StageOf(isTarget, band, stages.Select(s => Opp(s))));
    }

    [Fact]
    public void StageOf_ProposalWithoutAmount_IsAccepted()
    {
        Assert.Equal(FunnelStage.SalesAcceptedOpportunity, Funnel.StageOf(true, EngagementBand.Cold, [Opp(OpportunityStage.Proposal, 0)]));
    }

    [Fact]
    public void StageOf_WonPlusOpenExpansion_IsExpansion()
    {
        Opportunity[] deals = [Opp(OpportunityStage.ClosedWon), Opp(OpportunityStage.Qualification, expansion: true)];

        Assert.Equal(FunnelStage.Expansion, Funnel.StageOf(true, EngagementBand.Cold, deals));
    }

    [Fact]
    public void StageOf_WonPlusLostExpansion_IsClosedWon()
    {
        Opportunity[] deals = [Opp(OpportunityStage.ClosedWon), Opp(OpportunityStage.ClosedLost, expansion: true)];

        Assert.Equal(FunnelStage.ClosedWon, Funnel.StageOf(true, EngagementBand.Cold, deals));
    }

    [Fact]
    public void Totals_SplitOpenAndWon()
    {
        Opportunity[] deals = [Opp(OpportunityStage.ClosedWon, 500), Opp(OpportunityStage.Proposal, 200), Opp(OpportunityStage.Qualification, 50), Opp(OpportunityStage.ClosedLost, 900)];

        var (open, openCount, won) = Funnel.Totals(deals);

        Assert.Equal(250m, open);
        Assert.Equal(2, openCount);
        Assert.Equal(500m, won);
    }

    [Fact]
    public void Count_StageOrBeyondAndConversions()
    {
        FunnelAccount[] accounts =
        [
            new(FunnelStage.NotTargeted, 7000, 9000),
            new(FunnelStage.Target, 0, 0),
            new(FunnelStage.Target, 0, 0),
            new(FunnelStage.Engaged, 0, 0),
            new(FunnelStage.SalesQualifiedLead, 100, 0),
            new(FunnelStage.Pipeline, 300, 0),
            new(FunnelStage.ClosedWon, 50, 1000),
            new(FunnelStage.Expansion, 0, 4000),
        ];

        var stages = Funnel.Count(accounts).ToDictionary(s => s.Stage);

        Assert.Equal(7, stages[FunnelStage.Target].Count);
        Assert.Null(stages[FunnelStage.Target].ConversionFromPrevious);
        Assert.Equal(5, stages[FunnelStage.Engaged].Count);
        Assert.Equal(5.0 / 7, stages[FunnelStage.Engaged].ConversionFromPrevious!.Value, 12);
        Assert.Equal(4, stages[FunnelStage.SalesQualifiedLead].Count);
        Assert.Equal(3, stages[FunnelStage.SalesAcceptedOpportunity].Count);
        Assert.Equal(0.75, stages[FunnelStage.SalesAcceptedOpportunity].ConversionFromPrevious!.Value, 12);
        Assert.Equal(3, stages[FunnelStage.Pipeline].Count);
        Assert.Equal(450m, stages[FunnelStage.Pipeline].ValueUsd);
        Assert.Equal(2, stages[FunnelStage.ClosedWon].Count);
        Assert.Equal(5000m, stages[FunnelStage.ClosedWon].ValueUsd);
        Assert.Equal(1, stages[FunnelStage.Expansion].Count);
        Assert.Equal(4000m, stages[FunnelStage.Expansion].ValueUsd);
        Assert.Null(stages[FunnelStage.Engaged].ValueUsd);
    }

    [Fact]
    public void Count_EmptyPreviousStage_HasNoConversion()
    {
        var stages = Funnel.Count([]);

        Assert.All(stages, s => Assert.Null(s.ConversionFromPrevious));
        Assert.All(stages, s => Assert.Equal(0, s.Count));
    }
}
