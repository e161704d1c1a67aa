using System.Net;
using Abm.Bot.Hosting;
using Abm.Bot.Tests.Teams.Fakes;
using Microsoft.Data.Sqlite;

namespace Abm.Bot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_AnswersHealthy()
    {
        using var keys = new TestKeys();
        await using var fake = await FakeBotFramework.StartAsync(keys);
        await using var host = await BotTestHost.StartAsync(fake);

        using var response = await host.Client.GetAsync(HealthEndpoints.LivePath);

        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_AnswersHealthyWithDatabase()
    {
        using var keys = new TestKeys();
        await using var fake = await FakeBotFramework.StartAsync(keys);
        await using var host = await BotTestHost.StartAsync(fake);

        using var response = await host.Client.GetAsync(HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_Answers503WhenDatabaseIsGone()
    {
        using var keys = new TestKeys();
        await using var fake = await FakeBotFramework.StartAsync(keys);
        await using var host = await BotTestHost.StartAsync(fake);

        // A folder where the database file was cannot be opened as SQLite.
        SqliteConnection.ClearAllPools();
        File.Delete(host.DatabasePath);
        Directory.CreateDirectory(host.DatabasePath);
        try
        {
            using var ready = await host.Client.GetAsync(HealthEndpoints.ReadyPath);
            using var live = await host.Client.GetAsync(HealthEndpoints.LivePath);

            Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), (ready.StatusCode, live.StatusCode));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(host.DatabasePath);
            File.Delete(host.DatabasePath + "-wal");
            File.Delete(host.DatabasePath + "-shm");
        }
    }
}
