using Abm.Core.Alerts;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Alerts;

public class DispatcherTests
{
    [Fact]
    public async Task SlackRateLimitStormAnd5xx_EveryAlertDeliveredOnce()
    {
        await using var fake = await FakeChatServices.StartAsync();
        fake.Script("C-storm", [.. Enumerable.Repeat(new Fault(429), 5), new Fault(500), new Fault(503), .. Enumerable.Repeat(new Fault(429), 3)]);
        await using var host = await AlertTestHost.StartAsync(fake);
        var subscription = await host.SubscribeAsync(OutboxPlanner.Slack, "C-storm");
        var alerts = await host.QueueAlertsAsync(subscription, 5);

        await fake.WaitForAsync(d => alerts.All(id => d.Any(m => m.AlertId == id)), seconds: 60);

        Assert.Equal(alerts, fake.Delivered.Select(d => d.AlertId!.Value).Order());
    }

    [Fact]
    public async Task TeamsRateLimitStormAnd5xx_EveryAlertDeliveredOnce()
    {
        await using var fake = await FakeChatServices.StartAsync();
        fake.Script(AlertTestHost.TeamsChannel, [.. Enumerable.Repeat(new Fault(429), 6), new Fault(502), new Fault(500)]);
        await using var host = await AlertTestHost.StartAsync(fake);
        var subscription = await host.SubscribeAsync(OutboxPlanner.Teams, AlertTestHost.TeamsChannel);
        var alerts = await host.QueueAlertsAsync(subscription, 4);

        await fake.WaitForAsync(d => alerts.All(id => d.Any(m => m.AlertId == id)), seconds: 60);

        Assert.Equal(alerts, fake.Delivered.Select(d => d.AlertId!.Value).Order());
    }

    [Theory]
    [InlineData(404, null)]
    [InlineData(200, "channel_not_found")]
    [InlineData(200, "not_in_channel")]
    public async Task SlackChannelGone_SubscriptionDisabledAndNotRetried(int status, string? error)
    {
        await using var fake = await FakeChatServices.StartAsync();
        fake.Remove("C-gone", new Fault(status, error));
        await using var host = await AlertTestHost.StartAsync(fake);
        var subscription = await host.SubscribeAsync(OutboxPlanner.Slack, "C-gone");
        await host.QueueAlertsAsync(subscription, 3);

        await WaitForDisabledAsync(host, subscription);
        await host.QueueAlertsAsync(subscription, 2);
        await Task.Delay(500);

        Assert.Equal(1, fake.AttemptsTo("C-gone"));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task TeamsBotRemoved_SubscriptionDisabledAndNotRetried(int status)
    {
        await using var fake = await FakeChatServices.StartAsync();
        fake.Remove(AlertTestHost.TeamsChannel, new Fault(status));
        await using var host = await AlertTestHost.StartAsync(fake);
        var subscription = await host.SubscribeAsync(OutboxPlanner.Teams, AlertTestHost.TeamsChannel);
        await host.QueueAlertsAsync(subscription, 3);

        await WaitForDisabledAsync(host, subscription);
        await Task.Delay(500);

        Assert.Equal(1, fake.AttemptsTo(AlertTestHost.TeamsChannel));
    }

    [Fact]
    public async Task RemovedChannel_OtherChannelStillDelivered()
    {
        await using var fake = await FakeChatServices.StartAsync();
        fake.Remove("C-gone", new Fault(200, "channel_not_found"));
        await using var host = await AlertTestHost.StartAsync(fake);
        var gone = await host.SubscribeAsync(OutboxPlanner.Slack, "C-gone");
        var alive = await host.SubscribeAsync(OutboxPlanner.Slack, "C-alive");
        await host.QueueAlertsAsync(gone, 2);
        var alerts = await host.QueueAlertsAsync(alive, 2);

        await fake.WaitForAsync(d => alerts.All(id => d.Any(m => m.AlertId == id)));

        Assert.Empty(fake.Problems);
    }

    [Theory]
    [InlineData("slack", "C-edit")]
    [InlineData("msteams", AlertTestHost.TeamsChannel)]
    public async Task AlertStatusChange_EditsTheOriginalMessage(string channel, string conversation)
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var subscription = await host.SubscribeAsync(channel, conversation);
        var alert = (await host.QueueAlertsAsync(subscription, 1)).Single();
        await fake.WaitForAsync(d => d.Any(m => m.AlertId == alert));
        await WaitForSentAsync(host, alert);

        await using (var db = host.Db())
        {
            var stored = await db.Alerts.SingleAsync(a => a.Id == alert);
            stored.Status = AlertStatus.Assigned;
            await AlertEdits.EnqueueAsync(db, [alert], DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await fake.WaitForAsync(d => d.Any(m => m.IsUpdate));

        Assert.Contains("Assigned to", fake.Delivered.Single(m => m.IsUpdate).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsOwnerWithoutChat_GetsCreatedPersonalChat()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var alert = await host.QueueDirectAsync(OutboxPlanner.Teams, "29:owner");

        await fake.WaitForAsync(d => d.Any(m => m.AlertId == alert));

        Assert.Equal("a:personal-29:owner", fake.Delivered.Single(m => m.AlertId == alert).Conversation);
    }

    [Fact]
    public async Task SlackOwner_GetsDirectMessage()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var alert = await host.QueueDirectAsync(OutboxPlanner.Slack, "U-owner");

        await fake.WaitForAsync(d => d.Any(m => m.AlertId == alert));

        Assert.Equal("D-U-owner", fake.Delivered.Single(m => m.AlertId == alert).Conversation);
    }

    private static async Task WaitForDisabledAsync(AlertTestHost host, long subscriptionId)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var db = host.Db();
            if (!await db.AlertSubscriptions.Where(s => s.Id == subscriptionId).Select(s => s.Enabled).SingleAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The subscription was not disabled.");
    }

    private static async Task WaitForSentAsync(AlertTestHost host, long alertId)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var db = host.Db();
            if (await db.AlertOutbox.AnyAsync(o => o.AlertId == alertId && o.Status == OutboxStatus.Sent))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The alert was not marked sent.");
    }
}
