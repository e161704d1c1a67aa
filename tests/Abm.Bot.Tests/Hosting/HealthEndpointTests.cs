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
    public async Task Ready_DatabaseGone_Returns503()
    {
        using var keys = new TestKeys();
        await using var fake = await FakeBotFramework.StartAsync(keys);
        await using var host = await BotTestHost.StartAsync(fake);

        // Background jobs may reopen the path and so create an empty file, which has no tables either.
        SqliteConnection.ClearAllPools();
        File.Delete(host.DatabasePath);
        File.Delete(host.DatabasePath + "-wal");
        File.Delete(host.DatabasePath + "-shm");

        using var ready = await host.Client.GetAsync(HealthEndpoints.ReadyPath);
        using var live = await host.Client.GetAsync(HealthEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
