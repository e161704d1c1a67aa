using Abm.Core.Alerts;
using Abm.Core.Domain;
using Abm.Core.Scoring;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Core.Tests.Alerts;

public class AlertRuleEngineTests
{
    private readonly FakeTimeProvider _time = new(AlertFixture.Start);

    [Fact]
    public void FlappingScore_RaisesExactlyOneAlert()
    {
        var engine = new AlertRuleEngine(new AlertRulesOptions());
        var state = new AccountAlertState { AccountId = "a", Band = EngagementBand.Engaged };
        double[] scores = [68, 71, 72, 69, 66, 71, 56, 70, 57, 72, 54, 71, 69, 72, 56, 71, 54, 69];
        var decisions = new List<AlertDecision>();
        foreach (var score in scores)
        {
            decisions.AddRange(engine.Evaluate(state, Result(score), FitTier.B, _time.GetUtcNow()));
            _time.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Single(decisions);
    }

    [Fact]
    public void FlappingScore_AlertIsTheRiseToHot()
    {
        var engine = new AlertRuleEngine(new AlertRulesOptions());
        var state = new AccountAlertState { AccountId = "a", Band = EngagementBand.Engaged };
        var decisions = new List<AlertDecision>();
        foreach (var score in new double[] { 68, 71, 72, 54, 71, 69 })
        {
            decisions.AddRange(engine.Evaluate(state, Result(score), FitTier.B, _time.GetUtcNow()));
            _time.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Equal(new AlertDecision(AlertRules.BandUp, EngagementBand.Engaged, EngagementBand.Hot, true), decisions.Single());
    }

    [Fact]
    public void OneHighReading_IsNotConfirmedWithoutDwell()
    {
        var engine = new AlertRuleEngine(new AlertRulesOptions());
        var state = new AccountAlertState { AccountId = "a", Band = EngagementBand.Engaged };
        engine.Evaluate(state, Result(75), FitTier.B, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(1));

        var decisions = engine.Evaluate(state, Result(60), FitTier.B, _time.GetUtcNow());

        Assert.Empty(decisions);
    }

    [Theory]
    [InlineData(EngagementBand.Hot, 56, EngagementBand.Hot)]
    [InlineData(EngagementBand.Hot, 54, EngagementBand.Engaged)]
    [InlineData(EngagementBand.Hot, 43, EngagementBand.Engaged)]
    [InlineData(EngagementBand.Hot, 41, EngagementBand.Warm)]
    [InlineData(EngagementBand.Engaged, 69, EngagementBand.Engaged)]
    [InlineData(EngagementBand.Engaged, 70, EngagementBand.Hot)]
    [InlineData(EngagementBand.Cold, 49, EngagementBand.Warm)]
    [InlineData(EngagementBand.Warm, 19, EngagementBand.Cold)]
    public void TargetBand_AppliesEnterAndExitThresholds(EngagementBand current, double score, EngagementBand expected)
    {
        var engine = new AlertRuleEngine(new AlertRulesOptions());

        Assert.Equal(expected, engine.TargetBand(score, current));
    }

    [Fact]
    public void Surge_FiresOncePerCooldown()
    {
        var engine = new AlertRuleEngine(new AlertRulesOptions());
        var state = new AccountAlertState { AccountId = "a", Band = EngagementBand.Warm, Score = 30 };
        var surges = 0;
        for (var day = 0; day < 6; day++)
        {
            surges += engine.Evaluate(state, Result(40, sevenDaysAgo: 15), FitTier.B, _time.GetUtcNow()).Count(d => d.Rule == AlertRules.Surge);
            _time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(1, surges);
    }

    [Fact]
    public void FirstEngagement_FiresForTierA()
    {
        var engine = new AlertRuleEngine(new AlertRulesOptions());
        var state = new AccountAlertState { AccountId = "a" };

        var decisions = engine.Evaluate(state, Result(3, lastActivity: _time.GetUtcNow()), FitTier.A, _time.GetUtcNow());

        Assert.Equal(AlertRules.FirstEngagement, Assert.Single(decisions).Rule);
    }

    [Fact]
    public void FirstEngagement_SilentForTierB()
    {
        var engine = new AlertRuleEngine(new AlertRulesOptions());
        var state = new AccountAlertState { AccountId = "a" };

        var decisions = engine.Evaluate(state, Result(3, lastActivity: _time.GetUtcNow()), FitTier.B, _time.GetUtcNow());

        Assert.Empty(decisions);
    }

    [Fact]
    public void Snoozed_RaisesNothing()
    {
        var engine = new AlertRuleEngine(new AlertRulesOptions { DwellEvaluations = 1 });
        var state = new AccountAlertState { AccountId = "a", Band = EngagementBand.Engaged, SnoozedUntil = _time.GetUtcNow().AddDays(7) };

        var decisions = engine.Evaluate(state, Result(90), FitTier.A, _time.GetUtcNow());

        Assert.Empty(decisions);
    }

    [Fact]
    public void Validate_NamesKeyOfBadThreshold()
    {
        var options = new AlertRulesOptions { HotExit = 80 };

        Assert.Contains(options.Validate(), e => e.StartsWith("Abm:Alerts:Rules:HotExit = 80", StringComparison.Ordinal));
    }

    private EngagementResult Result(double score, double? sevenDaysAgo = null, DateTimeOffset? lastActivity = null) =>
        new("a", _time.GetUtcNow(), score, EngagementBand.Cold, score, new Dictionary<BusinessFunction, double>(), 1, 0, [], sevenDaysAgo ?? score, lastActivity ?? AlertFixture.Start);
}
