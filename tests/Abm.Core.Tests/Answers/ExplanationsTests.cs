using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Answers;

public class ExplanationsTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static AccountSummary ColdAccount(DateTimeOffset? lastActivity)
    {
        var byFunction = Enum.GetValues<BusinessFunction>().ToDictionary(f => f, f => f == BusinessFunction.Marketing ? 3.0 : 0.0);
        var engagement = new EngagementResult("a-1", AsOf, 1.7, EngagementBand.Cold, 3, byFunction, 1, 1, [], 1.7, lastActivity);
        var fit = new FitResult("a-1", 0, FitTier.None, [], null);
        return new AccountSummary("a-1", "Litware", null, null, null, null, null, null, null, false, fit, engagement, FunnelStage.NotTargeted, 0, 0, 0, []);
    }

    [Fact]
    public void Why_RecentlyActiveColdAccount_LeadsWithActivity()
    {
        var reasons = Explanations.Why(ColdAccount(AsOf.AddDays(-2)), null, new EngagementOptions());

        Assert.Equal("Marketing activity adds 3 points.", reasons[1]);
        Assert.Equal("Last activity 2 days ago, on 2 Dec 2026.", reasons[^2]);
    }

    [Fact]
    public void Why_ActivityLateYesterday_SaysYesterday()
    {
        var lateYesterday = new DateTimeOffset(AsOf.UtcDateTime.Date.AddMinutes(-5), TimeSpan.Zero);

        var reasons = Explanations.Why(ColdAccount(lateYesterday), null, new EngagementOptions());

        Assert.Contains(reasons, r => r.StartsWith("Last activity yesterday, ", StringComparison.Ordinal));
    }

    [Fact]
    public void Why_QuietColdAccount_LeadsWithRecency()
    {
        var reasons = Explanations.Why(ColdAccount(AsOf.AddDays(-30)), null, new EngagementOptions());

        Assert.Equal("Last activity 30 days ago, on 4 Nov 2026.", reasons[1]);
    }
}
