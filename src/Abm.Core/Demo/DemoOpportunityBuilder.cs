using System.Globalization;
using Abm.Core.Domain;

namespace Abm.Core.Demo;

/// <summary>Creates opportunities in every stage and the events that record their history.</summary>
internal sealed class DemoOpportunityBuilder(Random random, DateTimeOffset anchor, DemoEventWriter events)
{
    private static readonly string[] Products = ["Platform", "Analytics add-on", "Enterprise licence", "Data connectors"];

    private readonly List<Opportunity> _opportunities = [];

    public List<Opportunity> Build(IReadOnlyList<DemoAccount> accounts)
    {
        foreach (var demo in accounts)
        {
            var roll = random.NextDouble();
            switch (demo.Profile)
            {
                case DemoProfile.Hot:
                    Open(demo, demo.Account.Id == DemoDataGenerator.HotAccountId ? OpportunityStage.Negotiation : Pick(OpportunityStage.Proposal, OpportunityStage.Negotiation), random.Next(15, 30), 0);
                    break;
                case DemoProfile.Surging when roll < 0.4 || demo.Account.Id == DemoDataGenerator.SurgingAccountId:
                    Open(demo, OpportunityStage.Qualification, random.Next(0, 4), 0);
                    break;
                case DemoProfile.Engaged when roll < 0.5:
                    Open(demo, Pick(OpportunityStage.Qualification, OpportunityStage.Discovery), random.Next(10, 60), random.Next(0, 8));
                    break;
                case DemoProfile.Warm when roll < 0.1:
                    Open(demo, OpportunityStage.Qualification, random.Next(30, 90), 0);
                    break;
                case DemoProfile.Cooling when roll < 0.5 && demo.Account.Id != DemoDataGenerator.CoolingAccountId:
                    Closed(demo, won: false, random.Next(80, 110), random.Next(20, 40), expansion: false);
                    break;
                case DemoProfile.Cooling:
                    // A stalled deal: the last stage change lies weeks back.
                    Open(demo, OpportunityStage.Proposal, random.Next(80, 110), random.Next(50, 60));
                    break;
                case DemoProfile.Customer:
                    // The original deal closed before the generated history starts, so it has no events.
                    Closed(demo, won: true, random.Next(250, 400), random.Next(150, 240), expansion: false);
                    if (roll < 0.4)
                    {
                        Open(demo, Pick(OpportunityStage.Discovery, OpportunityStage.Proposal), random.Next(10, 60), random.Next(0, 8), expansion: true);
                    }
                    else if (roll < 0.6)
                    {
                        Closed(demo, won: true, random.Next(60, 110), random.Next(10, 50), expansion: true);
                    }

                    break;
                case DemoProfile.Cold when roll < 0.05:
                    Closed(demo, won: false, random.Next(300, 360), random.Next(200, 260), expansion: false);
                    break;
            }
        }

        return _opportunities;
    }

    private OpportunityStage Pick(OpportunityStage first, OpportunityStage second) => random.NextDouble() < 0.5 ? first : second;

    /// <summary>Adds an open opportunity created <paramref name="createdDaysAgo"/> days ago whose last stage change was <paramref name="lastChangeDaysAgo"/> days ago.</summary>
    private void Open(DemoAccount demo, OpportunityStage stage, int createdDaysAgo, int lastChangeDaysAgo, bool expansion = false)
    {
        var opportunity = NewOpportunity(demo, stage, createdDaysAgo, expansion);
        _opportunities.Add(opportunity);
        RecordHistory(demo, opportunity, (int)stage, createdDaysAgo, Math.Min(lastChangeDaysAgo, createdDaysAgo), closedWon: null);
    }

    private void Closed(DemoAccount demo, bool won, int createdDaysAgo, int closedDaysAgo, bool expansion)
    {
        var opportunity = NewOpportunity(demo, won ? OpportunityStage.ClosedWon : OpportunityStage.ClosedLost, createdDaysAgo, expansion);
        opportunity.ClosedAt = anchor.AddDays(-closedDaysAgo).AddMinutes(-random.Next(1, 1440));
        _opportunities.Add(opportunity);
        RecordHistory(demo, opportunity, (int)OpportunityStage.Proposal, createdDaysAgo, closedDaysAgo, won);
    }

    private Opportunity NewOpportunity(DemoAccount demo, OpportunityStage stage, int createdDaysAgo, bool expansion)
    {
        var employees = demo.Account.Employees ?? 500;
        var amount = Math.Clamp(employees * random.Next(20, 45), 12_000, 400_000);
        var product = Products[random.Next(Products.Length)];
        return new Opportunity
        {
            Id = "demo-o-" + (_opportunities.Count + 1).ToString("D4", CultureInfo.InvariantCulture),
            AccountId = demo.Account.Id,
            Name = $"{demo.Account.Name} – {product}",
            Stage = stage,
            Amount = Math.Round(amount / 500m) * 500m,
            CreatedAt = anchor.AddDays(-createdDaysAgo).AddMinutes(-random.Next(1, 1440)),
            OwnerId = demo.Account.OwnerId,
            IsExpansion = expansion,
            Source = DemoDataGenerator.Source,
        };
    }

    /// <summary>
    /// Writes the events inside the generated history: creation, one stage change per stage
    /// reached (spread evenly up to the last change), and the close.
    /// </summary>
    private void RecordHistory(DemoAccount demo, Opportunity opportunity, int stagesReached, int createdDaysAgo, int lastChangeDaysAgo, bool? closedWon)
    {
        var owner = opportunity.OwnerId;
        AddIfInHistory(demo, "opportunity_created", createdDaysAgo, owner, opportunity.Amount, opportunity.Name);
        for (var step = 1; step <= stagesReached; step++)
        {
            var daysAgo = createdDaysAgo - ((createdDaysAgo - lastChangeDaysAgo) * step / (stagesReached + (closedWon is null ? 0 : 1)));
            AddIfInHistory(demo, "stage_change", daysAgo, owner, null, $"{(OpportunityStage)(step - 1)} → {(OpportunityStage)step}");
        }

        if (closedWon is { } won)
        {
            AddIfInHistory(demo, won ? "closed_won" : "closed_lost", lastChangeDaysAgo, owner, opportunity.Amount, opportunity.Name);
        }
    }

    private void AddIfInHistory(DemoAccount demo, string type, int daysAgo, string? owner, decimal? quantity, string? detail)
    {
        if (daysAgo < DemoDataGenerator.HistoryDays)
        {
            events.Add(demo, type, BusinessFunction.Sales, daysAgo, null, owner, quantity, detail);
        }
    }
}
