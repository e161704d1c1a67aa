using System.Globalization;
using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Core.Tests.Import;

public sealed class ParchAndPoseyImportTests(ParchAndPoseyFixture fixture) : IClassFixture<ParchAndPoseyFixture>
{
    private readonly ImportTestHost _host = fixture.Host;

    [Fact]
    public void Import_Counts_MatchCsv()
    {
        var result = fixture.FirstImport;

        Assert.Equal(351, result.Accounts.Inserted);
        Assert.Equal(50, result.People.Inserted);
        Assert.Equal(351, result.Contacts.Inserted);
        Assert.Equal(6_912, result.Opportunities.Inserted);
        Assert.Equal(9_073 + 6_912 + 350, result.Events.Inserted);
    }

    [Fact]
    public async Task Import_Firmographics_Join306Accounts()
    {
        await using var db = _host.Database.CreateContext();
        Assert.Equal(306, await db.Accounts.CountAsync(a => a.Industry != null));
        Assert.Equal(306, await db.Accounts.CountAsync(a => a.Employees != null));
    }

    [Fact]
    public async Task Import_Walmart_HasFortuneFigures()
    {
        await using var db = _host.Database.CreateContext();
        var walmart = await db.Accounts.SingleAsync(a => a.Id == "pp-1001");
        Assert.Equal("walmart.com", walmart.Domain);
        Assert.Equal("Retailing", walmart.Industry);
        Assert.Equal(2_200_000, walmart.Employees);
        Assert.Equal(523_964_000_000m, walmart.AnnualRevenueUsd);
        Assert.Equal("Northeast", walmart.Region);
        Assert.Equal("pp-rep-321500", walmart.OwnerId);
    }

    [Fact]
    public async Task Import_WebEvents_MapChannels()
    {
        await using var db = _host.Database.CreateContext();
        var byType = await db.Events.Where(e => e.SourceId.StartsWith("pp-web_events-")).GroupBy(e => e.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(5_298 + 952, byType["web_visit"]);
        Assert.Equal(906 + 476, byType["ad_click"]);
        Assert.Equal(967 + 474, byType["marketing_touch"]);
    }

    [Fact]
    public async Task Import_Orders_TotalMatchesCsv()
    {
        await using var db = _host.Database.CreateContext();
        var amounts = await db.Opportunities.Select(o => o.Amount).ToListAsync();
        Assert.Equal(23_141_511.83m, amounts.Sum());
        Assert.Equal(350, await db.Opportunities.CountAsync(o => !o.IsExpansion));
    }

    [Fact]
    public async Task Import_FirstOrder_IsSalesThenCustomerSuccess()
    {
        await using var db = _host.Database.CreateContext();
        var orders = await db.Events.Where(e => e.AccountId == "pp-1001" && e.Type == "order").ToListAsync();
        var first = orders.OrderBy(e => e.OccurredAt).First();
        Assert.Equal("pp-orders-1", first.SourceId);
        Assert.Equal(BusinessFunction.Sales, first.Function);
        Assert.All(orders.Where(o => o != first), o => Assert.Equal(BusinessFunction.CustomerSuccess, o.Function));
        Assert.True(await db.Events.AnyAsync(e => e.SourceId == "pp-orders-1-won" && e.Type == "closed_won"));
    }

    [Fact]
    public async Task Reimport_ChangesNothing()
    {
        var again = await fixture.ImportAgainAsync();

        Assert.Equal(0, again.Accounts.Inserted + again.People.Inserted + again.Contacts.Inserted + again.Opportunities.Inserted + again.Events.Inserted);
        Assert.Equal(0, again.Accounts.Updated + again.People.Updated + again.Contacts.Updated + again.Opportunities.Updated + again.Events.Updated);
        await using var db = _host.Database.CreateContext();
        Assert.Equal(9_073 + 6_912 + 350, await db.Events.CountAsync());
    }

    [Fact]
    public async Task Ask_Walmart_MatchesCsvFigures()
    {
        var orders = File.ReadLines(Path.Combine(fixture.Directory, "orders.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "1001").ToList();
        var wonUsd = orders.Sum(f => decimal.Parse(f[10], CultureInfo.InvariantCulture));
        var options = new ScoringOptions();
        var fit = new FitScorer(options);
        var engagement = new EngagementScorer(new AesModel(options));
        var clock = new FakeTimeProvider(new DateTimeOffset(2017, 1, 3, 0, 0, 0, TimeSpan.Zero));
        using var portfolio = new PortfolioCache(fixture.Host.Database, fit, engagement, clock, NullLogger<PortfolioCache>.Instance);
        var assistant = new Assistant(
            new AccountRepository(fixture.Host.Database),
            portfolio,
            new AccountAnalyzer(fit, engagement),
            clock,
            NullLogger<Assistant>.Instance);

        var reply = await assistant.AskAsync("tell me about Walmart", new Asker(null, "Tester", "cli"), CancellationToken.None);

        var summary = Assert.IsType<AccountSummaryReply>(reply).Account;
        Assert.Equal("pp-1001", summary.Id);
        Assert.Equal(wonUsd, summary.WonUsd);
        Assert.Equal(0m, summary.OpenPipelineUsd);
        Assert.Equal(2_200_000, summary.Employees);
        Assert.Equal("Samuel Racine", summary.OwnerName);
    }
}
