using Abm.Core.Alerts;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Alerts;

public class AlertEvaluatorTests
{
    [Fact]
    public async Task DecayAlone_FiresDisengagement()
    {
        using var fixture = new AlertFixture(new AlertRulesOptions { FirstEngagementEnabled = false });
        fixture.AddAccount("acme");
        await fixture.IngestAsync("acme", "pricing_page_view", 13);
        await fixture.Reevaluator.RunOnceAsync(CancellationToken.None);

        for (var hour = 0; hour < 24 * 30; hour += 6)
        {
            fixture.Time.Advance(TimeSpan.FromHours(6));
            await fixture.Reevaluator.RunOnceAsync(CancellationToken.None);
        }

        Assert.Equal([AlertRules.BandUp, AlertRules.Disengagement], fixture.Alerts().Select(a => a.Rule));
    }

    [Fact]
    public async Task TierAFirstEngagement_RaisesAlert()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme");

        await fixture.IngestAsync("acme", "web_visit", 1);

        Assert.Equal([AlertRules.FirstEngagement], fixture.Alerts().Select(a => a.Rule));
    }

    [Fact]
    public async Task DecayAlone_DisengagementLeavesHot()
    {
        using var fixture = new AlertFixture(new AlertRulesOptions { FirstEngagementEnabled = false });
        fixture.AddAccount("acme");
        await fixture.IngestAsync("acme", "pricing_page_view", 13);
        for (var hour = 0; hour < 24 * 30; hour += 6)
        {
            fixture.Time.Advance(TimeSpan.FromHours(6));
            await fixture.Reevaluator.RunOnceAsync(CancellationToken.None);
        }

        var disengagement = fixture.Alerts().Single(a => a.Rule == AlertRules.Disengagement);

        Assert.Equal(EngagementBand.Hot, disengagement.OldBand);
    }

    [Fact]
    public async Task MatchingSubscription_GetsOutboxRowWithTheAlert()
    {
        using var fixture = new AlertFixture(new AlertRulesOptions { DwellEvaluations = 1, FirstEngagementEnabled = false });
        fixture.AddAccount("acme", region: "EMEA");
        fixture.AddSubscription(new AlertSubscription { Channel = "slack", ConversationId = "C-emea", Region = "emea" });
        fixture.AddSubscription(new AlertSubscription { Channel = "slack", ConversationId = "C-apac", Region = "APAC" });

        await fixture.IngestAsync("acme", "pricing_page_view", 13);

        Assert.Equal(["C-emea"], fixture.Outbox().Where(o => !o.Direct).Select(o => o.Target));
    }

    [Fact]
    public async Task UrgentAlert_QueuesDirectMessageToOwner()
    {
        using var fixture = new AlertFixture(new AlertRulesOptions { DwellEvaluations = 1 });
        fixture.AddAccount("acme", ownerTeamsId: "29:owner");

        await fixture.IngestAsync("acme", "pricing_page_view", 13);

        Assert.Contains(fixture.Outbox(), o => o.Direct && o.Target == "29:owner");
    }

    [Fact]
    public async Task Reevaluation_BaselinesExistingAccountsSilently()
    {
        using var fixture = new AlertFixture(new AlertRulesOptions { DwellEvaluations = 1 });
        fixture.AddAccount("acme");
        using (var db = fixture.Db())
        {
            for (var i = 0; i < 13; i++)
            {
                db.Events.Add(new Domain.EngagementEvent { AccountId = "acme", Type = "pricing_page_view", Source = "import", SourceId = "i" + i, OccurredAt = AlertFixture.Start.AddMinutes(-i) });
            }

            db.SaveChanges();
        }

        await fixture.Reevaluator.RunOnceAsync(CancellationToken.None);

        Assert.Empty(fixture.Alerts());
    }

    [Fact]
    public async Task NewAlert_SupersedesTheOpenOne()
    {
        using var fixture = new AlertFixture(new AlertRulesOptions { DwellEvaluations = 1, BandCooldown = TimeSpan.Zero, FirstEngagementEnabled = false });
        fixture.AddAccount("acme");
        await fixture.IngestAsync("acme", "pricing_page_view", 5, prefix: "a");
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await fixture.IngestAsync("acme", "pricing_page_view", 13, prefix: "b");

        Assert.Equal([AlertStatus.Superseded, AlertStatus.Open], fixture.Alerts().Select(a => a.Status));
    }
}
