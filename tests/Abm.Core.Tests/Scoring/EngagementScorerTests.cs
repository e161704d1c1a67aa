using Abm.Core.Domain;
using Abm.Core.Scoring;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Core.Tests.Scoring;

public class EngagementScorerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private long _nextId;

    /// <summary>Default options with a scale of 100, plus "visit" (10 points, 10-day half-life, uncapped) and "read" (4 points, capped).</summary>
    private static ScoringOptions TestOptions()
    {
        var options = new ScoringOptions();
        options.Engagement.Scale = 100;
        options.Engagement.EventTypes["visit"] = new EventTypeOptions { Points = 10, HalfLife = TimeSpan.FromDays(10), Capped = false };
        options.Engagement.EventTypes["read"] = new EventTypeOptions { Points = 4, HalfLife = TimeSpan.FromDays(10), Capped = true };
        return options;
    }

    private static EngagementScorer NewScorer(ScoringOptions? options = null) => new(new AesModel(options ?? TestOptions()));

    private EngagementEvent Event(string type, DateTimeOffset at, string? contactId = null, decimal? quantity = null, BusinessFunction function = BusinessFunction.Marketing) => new()
    {
        Id = ++_nextId,
        AccountId = "a-1",
        Type = type,
        OccurredAt = at,
        ContactId = contactId,
        Quantity = quantity,
        Function = function,
        Source = "test",
        SourceId = _nextId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, Contact> Contacts(params (string Id, Seniority Seniority, BuyingRole Role)[] contacts) =>
        contacts.ToDictionary(c => c.Id, c => new Contact { Id = c.Id, AccountId = "a-1", Name = "Person " + c.Id, Seniority = c.Seniority, BuyingRole = c.Role });

    [Fact]
    public void Decay_OneHalfLifeHalvesPoints()
    {
        var clock = new FakeTimeProvider(Start);
        var events = new[] { Event("visit", Start) };
        var scorer = NewScorer();

        var fresh = scorer.Score("a-1", events, null, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(10));
        var aged = scorer.Score("a-1", events, null, clock.GetUtcNow());

        Assert.Equal(10, fresh.RawPoints, 12);
        Assert.Equal(5, aged.RawPoints, 12);
    }

    [Fact]
    public void Decay_ExactValues()
    {
        // 10 × 0.5^(5/10) = 7.0710678…; 10 × 0.5^(25/10) = 1.7677669…
        var events = new[] { Event("visit", Start.AddDays(-5)), Event("visit", Start.AddDays(-25)) };

        var result = NewScorer().Score("a-1", events, null, Start);

        Assert.Equal(7.0710678118654755 + 1.7677669529663687, result.RawPoints, 12);
    }

    [Fact]
    public void Normalise_FollowsCurve()
    {
        // 100 × (1 − e^(−8.8388 / 100)) = 8.459… → 8.5.
        var events = new[] { Event("visit", Start.AddDays(-5)), Event("visit", Start.AddDays(-25)) };

        var result = NewScorer().Score("a-1", events, null, Start);

        Assert.Equal(8.5, result.Score);
    }

    [Fact]
    public void FutureEvents_AreIgnored()
    {
        var events = new[] { Event("visit", Start), Event("visit", Start.AddMilliseconds(1)) };

        var result = NewScorer().Score("a-1", events, null, Start);

        Assert.Equal(10, result.RawPoints, 12);
        Assert.Equal(Start, result.LastActivityAt);
    }

    [Fact]
    public void DailyCap_LimitsOneContactPerUtcDay()
    {
        // Day 1: 4 + 2 (cap 6 reached) + 0; day 2: 4. As of day 2 at 10:00, day 1 is one day old.
        var day1 = new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);
        var day2 = day1.AddDays(1);
        var contacts = Contacts(("c-1", Seniority.Manager, BuyingRole.Champion));
        var events = new[]
        {
            Event("read", day1, "c-1"),
            Event("read", day1, "c-1"),
            Event("read", day1, "c-1"),
            Event("read", day2, "c-1"),
        };

        var result = NewScorer().Score("a-1", events, contacts, day2);

        Assert.Equal((6 * Math.Pow(0.5, 0.1)) + 4, result.RawPoints, 10);
    }

    [Fact]
    public void DailyCap_ResetsAtUtcMidnight()
    {
        // 23:00 and 01:00 the next day are different UTC days, so neither is capped.
        var late = new DateTimeOffset(2026, 3, 9, 23, 0, 0, TimeSpan.Zero);
        var contacts = Contacts(("c-1", Seniority.Manager, BuyingRole.Champion));
        var events = new[] { Event("read", late, "c-1"), Event("read", late, "c-1"), Event("read", late.AddHours(2), "c-1"), Event("read", late.AddHours(2), "c-1") };

        var result = NewScorer().Score("a-1", events, contacts, late.AddHours(2));

        Assert.Equal((6 * Math.Pow(0.5, 0.2 / 24)) + 6, result.RawPoints, 10);
    }

    [Fact]
    public void DailyCap_IsPerContact()
    {
        var contacts = Contacts(("c-1", Seniority.Manager, BuyingRole.Champion), ("c-2", Seniority.Manager, BuyingRole.EndUser));
        var events = new[] { Event("read", Start, "c-1"), Event("read", Start, "c-1"), Event("read", Start, "c-2"), Event("read", Start, "c-2") };

        var result = NewScorer().Score("a-1", events, contacts, Start);

        Assert.Equal(12, result.RawPoints, 12);
    }

    [Fact]
    public void DailyCap_SkipsUncappedTypesAndAnonymousEvents()
    {
        var contacts = Contacts(("c-1", Seniority.Manager, BuyingRole.Champion));
        var events = new[] { Event("visit", Start, "c-1"), Event("read", Start), Event("read", Start), Event("read", Start) };

        var result = NewScorer().Score("a-1", events, contacts, Start);

        Assert.Equal(22, result.RawPoints, 12);
    }

    [Theory]
    [InlineData(Seniority.CLevel, 20)]
    [InlineData(Seniority.VicePresident, 15)]
    [InlineData(Seniority.Director, 12.5)]
    [InlineData(Seniority.Manager, 10)]
    [InlineData(Seniority.Other, 5)]
    public void PersonaMultiplier_ScalesPoints(Seniority seniority, double expected)
    {
        var contacts = Contacts(("c-1", seniority, BuyingRole.Champion));

        var result = NewScorer().Score("a-1", [Event("visit", Start, "c-1")], contacts, Start);

        Assert.Equal(expected, result.RawPoints, 12);
    }

    [Fact]
    public void PersonaMultiplier_AppliesBeforeCap()
    {
        // A C-level read earns 4 × 2 = 8, capped to 6.
        var contacts = Contacts(("c-1", Seniority.CLevel, BuyingRole.EconomicBuyer));

        var result = NewScorer().Score("a-1", [Event("read", Start, "c-1")], contacts, Start);

        Assert.Equal(6, result.RawPoints, 12);
    }

    [Fact]
    public void Meeting_PointsPerMinute()
    {
        var events = new[] { Event("meeting", Start, quantity: 45), Event("meeting", Start) };

        var result = NewScorer().Score("a-1", events, null, Start);

        Assert.Equal(45 + 30, result.RawPoints, 12);
    }

    [Fact]
    public void UnknownType_ScoresDefaultAndIsCounted()
    {
        var result = NewScorer().Score("a-1", [Event("tiktok_like", Start)], null, Start);

        Assert.Equal(0.5, result.RawPoints, 12);
        Assert.Equal(1, result.UnknownTypeEvents);
    }

    [Fact]
    public void ExcludedType_NeverScoresNorCountsAsActivity()
    {
        var result = NewScorer().Score("a-1", [Event("login", Start), Event("Unsubscribe", Start)], null, Start);

        Assert.Equal(0, result.RawPoints);
        Assert.Null(result.LastActivityAt);
    }

    [Fact]
    public void LostDeal_SubtractsAndScoreFloorsAtZero()
    {
        var result = NewScorer().Score("a-1", [Event("visit", Start), Event("closed_lost", Start)], null, Start);

        Assert.Equal(-90, result.RawPoints, 12);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public void Inactive_DiffersFromNeverActive()
    {
        var old = Start.AddYears(-3);

        var inactive = NewScorer().Score("a-1", [Event("visit", old)], null, Start);
        var never = NewScorer().Score("a-1", [], null, Start);

        Assert.Equal(0, inactive.Score);
        Assert.Equal(old, inactive.LastActivityAt);
        Assert.Null(never.LastActivityAt);
    }

    [Fact]
    public void SevenDayChange_ScoresEarlierInstant()
    {
        // Now: 10 × 0.5^1 + 10 × 0.5^0.1 = 14.330… → 13.4. Seven days ago only the first event: 10 × 0.5^0.3 = 8.122… → 7.8.
        var events = new[] { Event("visit", Start.AddDays(-10)), Event("visit", Start.AddDays(-1)) };

        var result = NewScorer().Score("a-1", events, null, Start);

        Assert.Equal(13.4, result.Score);
        Assert.Equal(7.8, result.ScoreSevenDaysAgo);
        Assert.Equal(5.6, result.Change7Days, 9);
    }

    [Fact]
    public void Breadth_CountsContactsAndKnownRolesInWindow()
    {
        var contacts = Contacts(
            ("c-1", Seniority.Manager, BuyingRole.Champion),
            ("c-2", Seniority.Director, BuyingRole.EconomicBuyer),
            ("c-3", Seniority.Other, BuyingRole.Unknown),
            ("c-4", Seniority.Other, BuyingRole.TechnicalEvaluator));
        var events = new[]
        {
            Event("read", Start.AddDays(-1), "c-1"),
            Event("read", Start.AddDays(-2), "c-1"),
            Event("read", Start.AddDays(-3), "c-2"),
            Event("read", Start.AddDays(-4), "c-3"),
            Event("read", Start.AddDays(-91), "c-4"),
        };

        var result = NewScorer().Score("a-1", events, contacts, Start);

        Assert.Equal(3, result.EngagedContacts);
        Assert.Equal(2, result.EngagedPersonas);
    }

    [Fact]
    public void ByFunction_SumsToRawPoints()
    {
        var events = new[] { Event("visit", Start, function: BusinessFunction.Sales), Event("visit", Start.AddDays(-10), function: BusinessFunction.Marketing) };

        var result = NewScorer().Score("a-1", events, null, Start);

        Assert.Equal(10, result.ByFunction[BusinessFunction.Sales], 12);
        Assert.Equal(5, result.ByFunction[BusinessFunction.Marketing], 12);
        Assert.Equal(0, result.ByFunction[BusinessFunction.CustomerSuccess]);
    }

    [Fact]
    public void TopEvents_StrongestFirstWithDecayedPoints()
    {
        var contacts = Contacts(("c-1", Seniority.Manager, BuyingRole.Champion));
        var events = new[] { Event("visit", Start.AddDays(-10)), Event("demo_request", Start.AddDays(-90), "c-1"), Event("login", Start) };

        var top = NewScorer().Score("a-1", events, contacts, Start).TopEvents;

        Assert.Equal(2, top.Count);
        Assert.Equal("demo_request", top[0].Type);
        Assert.Equal(25, top[0].Points, 12);
        Assert.Equal("Person c-1", top[0].ContactName);
        Assert.Equal(5, top[1].Points, 12);
    }

    [Theory]
    [InlineData(24.9, EngagementBand.Cold)]
    [InlineData(25, EngagementBand.Warm)]
    [InlineData(49.9, EngagementBand.Warm)]
    [InlineData(50, EngagementBand.Engaged)]
    [InlineData(69.9, EngagementBand.Engaged)]
    [InlineData(70, EngagementBand.Hot)]
    public void BandOf_Thresholds(double score, EngagementBand expected)
    {
        Assert.Equal(expected, new AesModel(new ScoringOptions()).BandOf(score));
    }

    [Fact]
    public void ScoreAll_GroupsByAccount()
    {
        var other = Event("visit", Start);
        other.AccountId = "a-2";
        var events = new[] { Event("visit", Start), Event("visit", Start), other };

        var results = NewScorer().ScoreAll(["a-1", "a-2", "a-3"], events, null, Start);

        Assert.Equal(20, results["a-1"].RawPoints, 12);
        Assert.Equal(10, results["a-2"].RawPoints, 12);
        Assert.Null(results["a-3"].LastActivityAt);
    }
}
