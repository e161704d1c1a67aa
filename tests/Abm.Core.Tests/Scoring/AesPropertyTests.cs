using Abm.Core.Domain;
using Abm.Core.Scoring;
using CsCheck;

namespace Abm.Core.Tests.Scoring;

public class AesPropertyTests
{
    private const long Day = 86_400_000;
    private const long AsOf = 20_000 * Day;

    private static readonly AesModel Model = new(new ScoringOptions());

    private static readonly string[] PositiveTypes = ["web_visit", "pricing_page_view", "email_click", "meeting", "demo_request", "whitepaper_download", "call"];

    /// <summary>Up to 60 events of positive-scoring types within 200 days before the instant, from up to 4 contacts.</summary>
    private static readonly Gen<AesEvent[]> PositiveEvents =
        Gen.Select(Gen.Long[0, 200 * Day], Gen.Int[0, PositiveTypes.Length - 1], Gen.Int[-1, 3], Gen.Enum<Seniority>())
            .Select(t => new AesEvent(AsOf - t.Item1, Model.TypeIndexOf(PositiveTypes[t.Item2]), t.Item3, float.NaN, t.Item4, BuyingRole.Champion, BusinessFunction.Marketing))
            .Array[0, 60]
            .Select(events => events.OrderBy(e => e.OccurredAtMs).ToArray());

    [Fact]
    public void Decay_WithoutNewEvents_NeverRaisesScore()
    {
        PositiveEvents.Select(Gen.Long[0, 100 * Day]).Sample((events, later) =>
        {
            var calculator = new AesCalculator(Model);
            var now = calculator.Compute(events, AsOf).RawPoints;
            var afterwards = calculator.Compute(events, AsOf + later).RawPoints;

            Assert.True(afterwards <= now + 1e-9, $"raw rose from {now} to {afterwards}");
        });
    }

    [Fact]
    public void SevenDaysAgo_EqualsScoreAtThatInstant()
    {
        PositiveEvents.Sample(events =>
        {
            var calculator = new AesCalculator(Model);
            var totals = calculator.Compute(events, AsOf);
            var earlier = calculator.Compute(events, AsOf - (7 * Day));

            Assert.Equal(earlier.RawPoints, totals.RawPointsSevenDaysAgo, 6);
        });
    }

    [Fact]
    public void FunctionSubScores_SumToRaw()
    {
        PositiveEvents.Sample(events =>
        {
            var totals = new AesCalculator(Model).Compute(events, AsOf);

            Assert.Equal(totals.RawPoints, totals.Marketing + totals.SalesDevelopment + totals.Sales + totals.CustomerSuccess, 6);
        });
    }

    [Fact]
    public void DecayedPoints_SumToRaw()
    {
        PositiveEvents.Sample(events =>
        {
            var decayed = new double[events.Length];
            var totals = new AesCalculator(Model).Compute(events, AsOf, decayed);

            Assert.Equal(totals.RawPoints, decayed.Sum(), 6);
        });
    }

    [Fact]
    public void DailyCap_OneContactOneDay_NeverExceedsCap()
    {
        // Capped reading events by one contact on one UTC day, scored at the end of that day.
        var readingTypes = new[] { "web_visit", "pricing_page_view", "email_click", "whitepaper_download" };
        Gen.Select(Gen.Long[0, Day - 1], Gen.Int[0, readingTypes.Length - 1], Gen.Enum<Seniority>()).Array[1, 30].Sample(draws =>
        {
            var dayStart = AsOf - Day;
            var events = draws
                .Select(d => new AesEvent(dayStart + d.Item1, Model.TypeIndexOf(readingTypes[d.Item2]), 0, float.NaN, d.Item3, BuyingRole.Champion, BusinessFunction.Marketing))
                .OrderBy(e => e.OccurredAtMs)
                .ToArray();
            var decayed = new double[events.Length];

            new AesCalculator(Model).Compute(events, dayStart + Day - 1, decayed);

            Assert.True(decayed.Sum() <= Model.Options.ContactDailyCap + 1e-9, $"one contact added {decayed.Sum()} in a day");
        });
    }

    [Fact]
    public void ComputeAll_ReusedCalculator_MatchesFreshOnes()
    {
        PositiveEvents.Array[1, 6].Sample(accounts =>
        {
            var all = accounts.SelectMany(a => a).ToArray();
            var starts = new int[accounts.Length];
            for (var i = 1; i < accounts.Length; i++)
            {
                starts[i] = starts[i - 1] + accounts[i - 1].Length;
            }

            var results = new AesTotals[accounts.Length];
            new AesCalculator(Model).ComputeAll(all, starts, AsOf, results);

            for (var i = 0; i < accounts.Length; i++)
            {
                Assert.Equal(new AesCalculator(Model).Compute(accounts[i], AsOf), results[i]);
            }
        });
    }
}
