using Abm.Core.Demo;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Demo;

/// <summary>The demo's named accounts score as the README promises under the default scoring options.</summary>
public class DemoScoringTests
{
    private static readonly DateTimeOffset Anchor = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly DemoDataSet Data = new DemoDataGenerator(DemoDataGenerator.DefaultSeed, Anchor).Generate();

    private static readonly IReadOnlyDictionary<string, EngagementResult> Scores = ScoreAll();

    [Fact]
    public void HotAccount_IsHot()
    {
        Assert.Equal(EngagementBand.Hot, Scores[DemoDataGenerator.HotAccountId].Band);
    }

    [Fact]
    public void CoolingAccount_LostPointsThisWeek()
    {
        var cooling = Scores[DemoDataGenerator.CoolingAccountId];

        Assert.True(cooling.Change7Days < 0, $"change {cooling.Change7Days:F1}");
        Assert.NotEqual(EngagementBand.Hot, cooling.Band);
    }

    [Fact]
    public void SurgingAccount_GainedMostThisWeek()
    {
        var surging = Scores[DemoDataGenerator.SurgingAccountId];

        Assert.True(surging.Change7Days >= 20, $"change {surging.Change7Days:F1}");
    }

    [Fact]
    public void Bands_AreAllPresent()
    {
        var bands = Scores.Values.GroupBy(s => s.Band).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(bands.GetValueOrDefault(EngagementBand.Hot), 3, 20);
        Assert.InRange(bands.GetValueOrDefault(EngagementBand.Engaged), 5, 120);
        Assert.InRange(bands.GetValueOrDefault(EngagementBand.Warm), 5, 120);
        Assert.InRange(bands.GetValueOrDefault(EngagementBand.Cold), 40, 150);
    }

    private static IReadOnlyDictionary<string, EngagementResult> ScoreAll()
    {
        var scorer = new EngagementScorer(new AesModel(new ScoringOptions()));
        var contacts = Data.Contacts.ToDictionary(c => c.Id);
        return scorer.ScoreAll(Data.Accounts.Select(a => a.Id), Data.Events, contacts, Anchor);
    }
}
