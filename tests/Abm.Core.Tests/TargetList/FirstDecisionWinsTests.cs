using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.TargetList;

/// <summary>
/// Two managers and repeated clicks race on one proposal through separate connections: exactly
/// one decision, one audit entry and one notification, on SQLite and (when configured) PostgreSQL.
/// </summary>
public sealed class FirstDecisionWinsTests
{
    [Fact]
    public async Task Sqlite_race_decides_once()
    {
        using var database = WorkflowDatabase.Sqlite();

        var (decided, audits, notified) = await RaceAsync(database);

        Assert.Equal((1, 1, 1), (decided, audits, notified));
    }

    [Fact]
    public async Task Postgres_race_decides_once()
    {
        using var database = WorkflowDatabase.PostgresOrNull();
        if (database is null)
        {
            return; // Runs only when ABM_TEST_POSTGRES names a server.
        }

        var (decided, audits, notified) = await RaceAsync(database);

        Assert.Equal((1, 1, 1), (decided, audits, notified));
    }

    private static async Task<(int Decided, int Audits, int Notified)> RaceAsync(WorkflowDatabase database)
    {
        var notifier = new CountingNotifier();
        var options = new TargetListOptions { ApprovalChannel = "C-APPROVALS", ApproverIds = ["p-mia", "p-max"] };
        var proposal = (await database.TargetList(notifier, options).ProposeAsync(new ProposalRequest("a-contoso", "Contoso Ltd", null, null), "p-rex", CancellationToken.None)).Proposal!;

        // Each attempt gets its own service, as each bot instance would.
        using var start = new ManualResetEventSlim();
        var attempts = new[] { "p-mia", "p-max", "p-mia", "p-mia", "p-max", "p-mia" }
            .Select((decider, i) => Task.Run(async () =>
            {
                start.Wait();
                var decision = i % 2 == 0 ? new Decision(true, null, null) : new Decision(false, RejectReason.PoorFit, "race");
                return await database.TargetList(notifier, options).DecideAsync(proposal.Id, decider, decision, CancellationToken.None);
            }))
            .ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        await using var db = database.CreateDbContext();
        var audits = await db.TargetListAudit.CountAsync(e => e.ProposalId == proposal.Id && e.Kind != AuditKind.Proposed);
        return (results.Count(r => r.Outcome == DecisionOutcome.Decided), audits, notifier.Decided);
    }
}
