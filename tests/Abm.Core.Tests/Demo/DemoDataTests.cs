using System.Text.Json;
using Abm.Core.Demo;
using Abm.Core.Domain;
using Abm.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.Demo;

public class DemoDataTests
{
    private static readonly DateTimeOffset Anchor = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The event types the default engagement scoring weighs.</summary>
    private static readonly HashSet<string> ScoredTypes =
    [
        "web_visit", "ad_click", "pricing_page_view", "demo_request", "form_submission", "whitepaper_download",
        "email_open", "email_click", "webinar_attended", "event_attended", "meeting", "call", "inbound_email",
        "opportunity_created", "stage_change", "order", "closed_won", "closed_lost", "intent_high", "intent_medium",
        "support_ticket", "product_usage",
    ];

    private static readonly DemoDataSet Data = new DemoDataGenerator(DemoDataGenerator.DefaultSeed, Anchor).Generate();

    [Fact]
    public void Generate_SameSeedAndAnchor_GivesIdenticalData()
    {
        var again = new DemoDataGenerator(DemoDataGenerator.DefaultSeed, Anchor).Generate();

        Assert.Equal(JsonSerializer.Serialize(Data), JsonSerializer.Serialize(again));
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherData()
    {
        var other = new DemoDataGenerator(7, Anchor).Generate();

        Assert.NotEqual(JsonSerializer.Serialize(Data.Events), JsonSerializer.Serialize(other.Events));
    }

    [Fact]
    public void Generate_Counts_AreInRange()
    {
        Assert.Equal(DemoDataGenerator.AccountCount, Data.Accounts.Count);
        Assert.InRange(Data.People.Count, 20, 30);
        Assert.InRange(Data.Events.Count, 20_000, 40_000);
        Assert.InRange(Data.Contacts.Count, 600, 1_500);
        Assert.InRange(Data.Opportunities.Count, 30, 150);
        Assert.InRange(Data.TargetList.Count, 80, 200);
    }

    [Fact]
    public void Generate_Events_UseScoredTypesOnly()
    {
        var unknown = Data.Events.Select(e => e.Type).Distinct().Where(t => !ScoredTypes.Contains(t)).ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Generate_Events_CoverEveryScoredType()
    {
        var used = Data.Events.Select(e => e.Type).ToHashSet();

        Assert.Empty(ScoredTypes.Except(used));
    }

    [Fact]
    public void Generate_Events_CoverEveryFunction()
    {
        var functions = Data.Events.Select(e => e.Function).Distinct().Order().ToList();

        Assert.Equal(Enum.GetValues<BusinessFunction>(), functions);
    }

    [Fact]
    public void Generate_Events_LieInHistoryBeforeAnchor()
    {
        Assert.All(Data.Events, e => Assert.InRange(e.OccurredAt, Anchor.AddDays(-DemoDataGenerator.HistoryDays - 1), Anchor));
    }

    [Fact]
    public void Generate_Events_HaveUniqueSourceIds()
    {
        Assert.Equal(Data.Events.Count, Data.Events.Select(e => e.SourceId).Distinct().Count());
    }

    [Fact]
    public void Generate_Opportunities_CoverEveryStage()
    {
        var stages = Data.Opportunities.Select(o => o.Stage).Distinct().Order().ToList();

        Assert.Equal(Enum.GetValues<OpportunityStage>(), stages);
    }

    [Fact]
    public void Generate_References_PointToGeneratedRows()
    {
        var accounts = Data.Accounts.Select(a => a.Id).ToHashSet();
        var people = Data.People.Select(p => p.Id).ToHashSet();
        var contacts = Data.Contacts.Select(c => c.Id).ToHashSet();

        Assert.All(Data.Accounts, a => Assert.Contains(a.OwnerId!, people));
        Assert.All(Data.Accounts.Where(a => a.ParentAccountId is not null), a => Assert.Contains(a.ParentAccountId!, accounts));
        Assert.All(Data.People.Where(p => p.ManagerId is not null), p => Assert.Contains(p.ManagerId!, people));
        Assert.All(Data.Events, e => Assert.Contains(e.AccountId, accounts));
        Assert.All(Data.Events.Where(e => e.ContactId is not null), e => Assert.Contains(e.ContactId!, contacts));
        Assert.All(Data.Events.Where(e => e.ActorId is not null), e => Assert.Contains(e.ActorId!, people));
        Assert.All(Data.Opportunities, o => Assert.Contains(o.AccountId, accounts));
    }

    [Fact]
    public void Generate_Accounts_HaveExampleDomainsAndUniqueNames()
    {
        Assert.All(Data.Accounts, a => Assert.EndsWith(".example", a.Domain, StringComparison.Ordinal));
        Assert.Equal(Data.Accounts.Count, Data.Accounts.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Generate_Accounts_IncludeSubsidiaries()
    {
        Assert.InRange(Data.Accounts.Count(a => a.ParentAccountId is not null), 10, 30);
    }

    [Fact]
    public void Generate_People_HaveValidTimeZones()
    {
        Assert.All(Data.People, p => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(p.TimeZone)));
    }

    [Fact]
    public void Generate_People_IncludeEveryRole()
    {
        var roles = Data.People.Select(p => p.Role).Distinct().Order().ToList();

        Assert.Equal(Enum.GetValues<PersonRole>(), roles);
    }

    [Fact]
    public void Generate_PlaygroundUser_OwnsFlagshipAccounts()
    {
        var alex = Data.People.Single(p => p.Email == "alexw@example.com");
        var owned = Data.Accounts.Where(a => a.OwnerId == alex.Id).Select(a => a.Id).ToList();

        Assert.Contains(DemoDataGenerator.HotAccountId, owned);
        Assert.Contains(DemoDataGenerator.CoolingAccountId, owned);
        Assert.Contains(DemoDataGenerator.SurgingAccountId, owned);
    }

    [Fact]
    public void Generate_HotAccount_IsBusiestThisWeek()
    {
        var lastWeek = Anchor.AddDays(-7);
        var busiest = Data.Events.Where(e => e.OccurredAt >= lastWeek && e.Type is not ("product_usage" or "email_open"))
            .GroupBy(e => e.AccountId)
            .OrderByDescending(g => g.Count())
            .Take(10)
            .Select(g => g.Key);

        Assert.Contains(DemoDataGenerator.HotAccountId, busiest);
    }

    [Fact]
    public void Generate_CoolingAccount_WasBusierBefore()
    {
        var events = Data.Events.Where(e => e.AccountId == DemoDataGenerator.CoolingAccountId && e.Type != "email_open").ToList();
        var recent = events.Count(e => e.OccurredAt >= Anchor.AddDays(-30));
        var earlier = events.Count(e => e.OccurredAt < Anchor.AddDays(-60) && e.OccurredAt >= Anchor.AddDays(-90));

        Assert.True(earlier > 10 * Math.Max(recent, 1), $"{earlier} events 60–90 days ago, {recent} in the last 30");
    }

    [Fact]
    public async Task Seed_Twice_InsertsOnce()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            Assert.True(await DemoData.SeedAsync(db, Anchor));
        }

        await using (var db = database.CreateContext())
        {
            Assert.False(await DemoData.SeedAsync(db, Anchor.AddDays(3)));
        }

        await using var reread = database.CreateContext();
        Assert.Equal(Data.Events.Count, await reread.Events.CountAsync());
        Assert.Equal(Data.Accounts.Count, await reread.Accounts.CountAsync());
        Assert.Equal(Data.People.Count, await reread.People.CountAsync());
    }
}
