using Abm.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Abm.Bot.Tests.Slack;

/// <summary>
/// Claims of processed-event keys on real databases: one winner per key among concurrent claims,
/// on one store and across two stores (two bot instances sharing a database), and claims that
/// stay after a restart.
/// </summary>
public sealed class ProcessedEventStoreTests
{
    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.PostgresProvider)]
    public async Task ConcurrentClaims_OneStore_OneWinner(string provider)
    {
        await using var database = await ReceiptDatabase.CreateAsync(provider);
        if (database is null)
        {
            return;
        }

        using var store = database.CreateStore();
        for (var round = 0; round < 20; round++)
        {
            string[] keys = [$"slack:event:T1:Ev{round}"];
            var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.TryClaimAsync(keys, CancellationToken.None))));

            Assert.Equal(1, claims.Count(won => won));
        }
    }

    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.PostgresProvider)]
    public async Task ConcurrentClaims_TwoInstances_OneWinner(string provider)
    {
        await using var database = await ReceiptDatabase.CreateAsync(provider);
        if (database is null)
        {
            return;
        }

        using var first = database.CreateStore();
        using var second = database.CreateStore();
        for (var round = 0; round < 20; round++)
        {
            string[] keys = [$"slack:event:T1:Ev{round}", $"slack:message:T1:D1:1700000000.{round:D6}"];
            var claims = await Task.WhenAll(
                Task.Run(() => first.TryClaimAsync(keys, CancellationToken.None)),
                Task.Run(() => second.TryClaimAsync(keys, CancellationToken.None)));

            Assert.Equal(1, claims.Count(won => won));
        }
    }

    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.PostgresProvider)]
    public async Task Claim_AfterRestart_Loses(string provider)
    {
        await using var database = await ReceiptDatabase.CreateAsync(provider);
        if (database is null)
        {
            return;
        }

        string[] keys = ["slack:event:T1:EvRestart"];
        using (var beforeRestart = database.CreateStore())
        {
            Assert.True(await beforeRestart.TryClaimAsync(keys, CancellationToken.None));
        }

        using var afterRestart = database.CreateStore();
        Assert.False(await afterRestart.TryClaimAsync(keys, CancellationToken.None));
    }

    [Fact]
    public async Task Writer_Sqlite_CommitsWithoutFsync()
    {
        await using var database = await ReceiptDatabase.CreateAsync(StorageOptions.SqliteProvider);
        using var store = database!.CreateStore();

        Assert.True(await store.TryClaimAsync(["slack:event:T1:EvSync"], CancellationToken.None));

        Assert.Equal(1, await store.ReadWriterSynchronousAsync());
    }

    [Fact]
    public async Task SharedMessageKey_SecondEventLoses()
    {
        // The same channel message delivered as app_mention and as message: two event ids, one ts.
        await using var database = await ReceiptDatabase.CreateAsync(StorageOptions.SqliteProvider);
        using var store = database!.CreateStore();
        const string Message = "slack:message:T1:C1:1700000000.000100";

        var mention = await store.TryClaimAsync(["slack:event:T1:EvMention", Message], CancellationToken.None);
        var message = await store.TryClaimAsync(["slack:event:T1:EvMessage", Message], CancellationToken.None);
        var messageRetry = await store.TryClaimAsync(["slack:event:T1:EvMessage", Message], CancellationToken.None);

        Assert.True(mention);
        Assert.False(message);
        Assert.False(messageRetry);
    }

    [Fact]
    public async Task SharedMessageKey_SameBatch_OneWinner()
    {
        await using var database = await ReceiptDatabase.CreateAsync(StorageOptions.SqliteProvider);
        using var store = database!.CreateStore();
        const string Message = "slack:message:T1:C1:1700000000.000200";

        var claims = await Task.WhenAll(
            store.TryClaimAsync(["slack:event:T1:EvA", Message], CancellationToken.None),
            store.TryClaimAsync(["slack:event:T1:EvB", Message], CancellationToken.None),
            store.TryClaimAsync(["slack:event:T1:EvC", Message], CancellationToken.None));

        Assert.Equal(1, claims.Count(won => won));
    }

    [Fact]
    public async Task ManyDistinctClaims_AllWinAndPersist()
    {
        await using var database = await ReceiptDatabase.CreateAsync(StorageOptions.SqliteProvider);
        using var store = database!.CreateStore();

        var claims = await Task.WhenAll(Enumerable.Range(0, 600)
            .Select(i => Task.Run(() => store.TryClaimAsync([$"slack:event:T1:Ev{i}", $"slack:message:T1:D{i}:1.0"], CancellationToken.None))));

        Assert.All(claims, Assert.True);
        Assert.Equal(1200, await database.CountAsync());
    }

    [Fact]
    public async Task Claim_StoredByOtherInstance_Loses()
    {
        // The first store remembers its own keys; the second learns of them only from the database.
        await using var database = await ReceiptDatabase.CreateAsync(StorageOptions.SqliteProvider);
        using var first = database!.CreateStore();
        using var second = database.CreateStore();
        string[] keys = ["slack:event:T1:EvOther"];

        Assert.True(await first.TryClaimAsync(keys, CancellationToken.None));
        Assert.False(await second.TryClaimAsync(keys, CancellationToken.None));
        Assert.False(await first.TryClaimAsync(keys, CancellationToken.None));
    }

    [Fact]
    public async Task Claim_AfterFailedBatch_Works()
    {
        await using var database = await ReceiptDatabase.CreateAsync(StorageOptions.SqliteProvider);
        using var store = database!.CreateStore();
        Assert.True(await store.TryClaimAsync(["slack:event:T1:EvBefore"], CancellationToken.None));

        // A writer that lost a claim or died with the failed batch would leave a claim waiting, so
        // both claims below have a deadline.
        await database.ExecuteAsync("ALTER TABLE \"ProcessedInboundEvents\" RENAME TO \"Hidden\"");
        await Assert.ThrowsAsync<SqliteException>(() => store.TryClaimAsync(["slack:event:T1:EvDuring"], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        await database.ExecuteAsync("ALTER TABLE \"Hidden\" RENAME TO \"ProcessedInboundEvents\"");

        Assert.True(await store.TryClaimAsync(["slack:event:T1:EvAfter"], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, await database.CountAsync());
    }

    [Fact]
    public async Task DeleteOlderThan_RemovesOldReceipts()
    {
        await using var database = await ReceiptDatabase.CreateAsync(StorageOptions.SqliteProvider);
        using var store = database!.CreateStore();
        Assert.True(await store.TryClaimAsync(["slack:event:T1:EvOld"], CancellationToken.None));
        database.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await store.TryClaimAsync(["slack:event:T1:EvNew"], CancellationToken.None));

        var deleted = await store.DeleteOlderThanAsync(TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(1, await database.CountAsync());
    }
}
