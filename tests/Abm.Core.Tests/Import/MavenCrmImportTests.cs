using Abm.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.Import;

public sealed class MavenCrmImportTests(MavenCrmFixture fixture) : IClassFixture<MavenCrmFixture>
{
    private readonly ImportTestHost _host = fixture.Host;

    [Fact]
    public void Import_Counts_MatchCsv()
    {
        var result = fixture.FirstImport;

        Assert.Equal(85, result.Accounts.Inserted);
        Assert.Equal(35 + 6, result.People.Inserted);
        Assert.Equal(8_800 - 1_425, result.Opportunities.Inserted);
        Assert.Equal(501 + 4_238 + 2_473 + 4_238 + 2_473, result.Events.Inserted);
    }

    [Fact]
    public async Task Import_Stages_MatchCsv()
    {
        await using var db = _host.Database.CreateContext();
        var stages = await db.Opportunities.GroupBy(o => o.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(4_238, stages[OpportunityStage.ClosedWon]);
        Assert.Equal(2_473, stages[OpportunityStage.ClosedLost]);
        Assert.Equal(1_589 - 1_088, stages[OpportunityStage.Discovery]);
        Assert.Equal(500 - 337, stages[OpportunityStage.Qualification]);
    }

    [Fact]
    public async Task Import_WonAmounts_MatchCsv()
    {
        await using var db = _host.Database.CreateContext();
        var won = await db.Opportunities.Where(o => o.Stage == OpportunityStage.ClosedWon).Select(o => o.Amount).ToListAsync();
        Assert.Equal(10_005_534m, won.Sum());
    }

    [Fact]
    public async Task Import_Quirks_AreNormalised()
    {
        await using var db = _host.Database.CreateContext();
        Assert.Equal(0, await db.Accounts.CountAsync(a => a.Industry == "technolgy"));
        Assert.Equal(12, await db.Accounts.CountAsync(a => a.Industry == "technology"));
        Assert.Equal(1, await db.Accounts.CountAsync(a => a.Country == "Philippines"));
        Assert.Equal(0, await db.Opportunities.CountAsync(o => o.Name!.Contains("GTXPro")));
        Assert.Equal(1_480, await db.Opportunities.CountAsync(o => o.Name!.StartsWith("GTX Pro for")) + await CountBlankAccountGtxPro());
    }

    [Fact]
    public async Task Import_LostDeal_ValuedAtListPrice()
    {
        await using var db = _host.Database.CreateContext();
        var lost = await db.Events.SingleAsync(e => e.SourceId == "mv-sales_pipeline-KWVA7VR1-lost");
        Assert.Equal("closed_lost", lost.Type);
        Assert.Equal(4_821m, lost.Quantity);
    }

    [Fact]
    public async Task Import_Accounts_HaveParentsAndRevenue()
    {
        await using var db = _host.Database.CreateContext();
        var acme = await db.Accounts.SingleAsync(a => a.Id == "mv-acme-corporation");
        Assert.Equal(1_100_040_000m, acme.AnnualRevenueUsd);
        Assert.Equal(2_822, acme.Employees);
        Assert.Equal("North America", acme.Region);
        Assert.Equal(15, await db.Accounts.CountAsync(a => a.ParentAccountId != null));
        var parents = await db.Accounts.Where(a => a.ParentAccountId != null).Select(a => a.ParentAccountId!).Distinct().ToListAsync();
        Assert.All(parents, p => Assert.True(db.Accounts.Any(a => a.Id == p), p));
    }

    [Fact]
    public async Task Import_People_HaveManagers()
    {
        await using var db = _host.Database.CreateContext();
        var agent = await db.People.SingleAsync(p => p.Id == "mv-anna-snelling");
        Assert.Equal("mv-dustin-brinkmann", agent.ManagerId);
        Assert.Equal("America/Chicago", agent.TimeZone);
        var manager = await db.People.SingleAsync(p => p.Id == "mv-dustin-brinkmann");
        Assert.Equal(PersonRole.Manager, manager.Role);
    }

    [Fact]
    public async Task Reimport_ChangesNothing()
    {
        var again = await fixture.ImportAgainAsync();

        Assert.Equal(0, again.Accounts.Inserted + again.People.Inserted + again.Opportunities.Inserted + again.Events.Inserted);
        Assert.Equal(0, again.Accounts.Updated + again.People.Updated + again.Opportunities.Updated + again.Events.Updated);
    }

    /// <summary>GTXPro rows in the pipeline that have no account, which the import leaves out.</summary>
    private static Task<int> CountBlankAccountGtxPro()
    {
        var lines = File.ReadLines(Path.Combine(RepositoryPaths.SharedData, "maven_crm_sales_opportunities", "sales_pipeline.csv")).Skip(1).Select(l => l.Split(','));
        return Task.FromResult(lines.Count(f => f[2] == "GTXPro" && f[3].Length == 0));
    }
}
