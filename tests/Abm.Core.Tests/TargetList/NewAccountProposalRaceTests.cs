using Abm.Core.Domain;
using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.TargetList;

/// <summary>
/// Concurrent proposals of one new account, through separate connections as separate bot
/// instances would send them: one pending proposal, and approval never creates a second account
/// with the same domain. On SQLite and, when configured, PostgreSQL.
/// </summary>
public sealed class NewAccountProposalRaceTests
{
    private const int Attempts = 5;

    private static readonly TargetListOptions Options = new() { ApprovalChannel = "C-APPROVALS", ApproverIds = ["p-mia"] };

    [Fact]
    public async Task Sqlite_race_proposes_once()
    {
        using var database = WorkflowDatabase.Sqlite();

        await AssertProposesOnceAsync(database);
    }

    [Fact]
    public async Task Postgres_race_proposes_once()
    {
        using var database = WorkflowDatabase.PostgresOrNull();
        if (database is null)
        {
            return; // Runs only when ABM_TEST_POSTGRES names a server.
        }

        await AssertProposesOnceAsync(database);
    }

    [Fact]
    public async Task Approval_links_existing_domain()
    {
        using var database = WorkflowDatabase.Sqlite();
        var service = database.TargetList(new CountingNotifier(), Options);
        var proposal = (await service.ProposeAsync(new ProposalRequest(null, "Zzfresh Corp", "ZZFRESH.example", "x"), "p-rex", CancellationToken.None)).Proposal!;
        await using (var db = database.CreateDbContext())
        {
            db.Accounts.Add(new Account { Id = "a-zzfresh", Name = "Zzfresh Corporation", Domain = "zzfresh.example" });
            await db.SaveChangesAsync();
        }

        var result = await service.DecideAsync(proposal.Id, "p-mia", new Decision(true, null, null), CancellationToken.None);

        await using var check = database.CreateDbContext();
        Assert.Equal(DecisionOutcome.Decided, result.Outcome);
        Assert.Equal(1, await check.Accounts.CountAsync(a => a.Domain == "zzfresh.example"));
        Assert.True(await check.TargetList.AnyAsync(t => t.AccountId == "a-zzfresh" && t.Status == TargetListStatus.Approved));
    }

    private static async Task AssertProposesOnceAsync(WorkflowDatabase database)
    {
        var notifier = new CountingNotifier();

        // Each attempt gets its own service, as each bot instance would.
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, Attempts)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                var request = new ProposalRequest(null, "Zzfresh Corp", "zzfresh.example", "x");
                return await database.TargetList(notifier, Options).ProposeAsync(request, "p-rex", CancellationToken.None);
            }))
            .ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        await using var db = database.CreateDbContext();
        var pending = await db.TargetListProposals.CountAsync(p => p.AccountDomain == "zzfresh.example" && p.Status == ProposalStatus.Pending);
        var rejections = results.Where(r => r.Proposal is null).Select(r => r.Error).ToList();
        Assert.Equal(1, pending);
        Assert.Equal(Attempts - 1, rejections.Count);
        Assert.All(rejections, e => Assert.StartsWith("Zzfresh Corp already waits for approval", e, StringComparison.Ordinal));
        Assert.Equal(1, notifier.Created);
    }
}
