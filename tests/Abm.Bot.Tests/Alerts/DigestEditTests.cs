using System.Text.RegularExpressions;
using Abm.Bot.Alerts;
using Abm.Core.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Alerts;

/// <summary>
/// A digest already sent to a channel is edited in place when the status of one of its alerts
/// changes: the real dispatcher against the loopback fakes of the Bot Connector and Slack Web API.
/// </summary>
public sealed class DigestEditTests
{
    [Theory]
    [InlineData("slack", "C-digest")]
    [InlineData("msteams", AlertTestHost.TeamsChannel)]
    public async Task Status_change_edits_digest(string channel, string conversation)
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var alerts = await SendDigestAsync(fake, host, channel, conversation);

        await ChangeStatusAsync(host, alerts[1], AlertStatus.Assigned);
        await fake.WaitForAsync(d => d.Any(m => m.IsUpdate));

        var update = Assert.Single(fake.Delivered, m => m.IsUpdate);
        var text = Regex.Unescape(update.Body);
        Assert.Equal(conversation, update.Conversation);
        Assert.Contains("Account 1 is now hot. AES 72 (+20 in 7 days). Assigned to someone.", text, StringComparison.Ordinal);
        Assert.Contains("Account 0 is now hot. AES 72 (+20 in 7 days).", text, StringComparison.Ordinal);
        Assert.Contains("Account 2 is now hot. AES 72 (+20 in 7 days).", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slack", "C-digest")]
    [InlineData("msteams", AlertTestHost.TeamsChannel)]
    public async Task Edit_targets_digest_message(string channel, string conversation)
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var alerts = await SendDigestAsync(fake, host, channel, conversation);
        await using var db = host.Db();
        var sentIds = await db.AlertOutbox.Where(o => alerts.Contains(o.AlertId)).Select(o => o.SentMessageId).Distinct().ToListAsync();

        await ChangeStatusAsync(host, alerts[2], AlertStatus.NotRelevant);
        await WaitForEditsSentAsync(host, 1);

        Assert.Equal(sentIds, [Assert.Single(fake.Delivered, m => m.IsUpdate).MessageId]);
    }

    [Fact]
    public async Task Two_changes_show_both()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var alerts = await SendDigestAsync(fake, host, OutboxPlanner.Slack, "C-digest");

        await ChangeStatusAsync(host, alerts[0], AlertStatus.Assigned);
        await ChangeStatusAsync(host, alerts[2], AlertStatus.NotRelevant);
        await WaitForEditsSentAsync(host, 2);

        var updates = fake.Delivered.Where(m => m.IsUpdate).Select(m => m.Body).ToList();
        Assert.Contains("Assigned to someone", updates[^1], StringComparison.Ordinal);
        Assert.Contains("Marked not relevant by someone", updates[^1], StringComparison.Ordinal);
        Assert.Equal(updates.Count, updates.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Repeated_edit_sends_once()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var alerts = await SendDigestAsync(fake, host, OutboxPlanner.Slack, "C-digest");

        await ChangeStatusAsync(host, alerts[1], AlertStatus.Assigned);
        await using (var db = host.Db())
        {
            // A second edit of the same change, as a retried request would queue it.
            await AlertEdits.EnqueueAsync(db, [alerts[1]], DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await WaitForEditsSentAsync(host, 2);

        Assert.Single(fake.Delivered, m => m.IsUpdate);
    }

    [Fact]
    public async Task Two_lines_queue_one_edit()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var alerts = await SendDigestAsync(fake, host, OutboxPlanner.Slack, "C-digest");
        await using var db = host.Db();

        var queued = await AlertEdits.EnqueueAsync(db, [alerts[0], alerts[2]], DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(1, queued);
    }

    [Fact]
    public async Task Edit_lock_held_once()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var alerts = await SendDigestAsync(fake, host, OutboxPlanner.Slack, "C-digest");
        await using var db = host.Db();
        var firstRow = await db.AlertOutbox.Where(o => o.AlertId == alerts[0]).Select(o => o.Id).SingleAsync();
        var leases = host.Services.GetRequiredService<OutboxLeases>();

        var first = await leases.TryLockSentMessageAsync(firstRow, CancellationToken.None);
        var second = await leases.TryLockSentMessageAsync(firstRow, CancellationToken.None);
        await leases.UnlockSentMessageAsync(firstRow, first!, null, CancellationToken.None);
        var third = await leases.TryLockSentMessageAsync(firstRow, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(third);
    }

    /// <summary>Queues three alerts as one digest and waits until the dispatcher sent it as one message.</summary>
    private static async Task<List<long>> SendDigestAsync(FakeChatServices fake, AlertTestHost host, string channel, string conversation)
    {
        var subscription = await host.SubscribeAsync(channel, conversation);
        var alerts = await host.QueueAlertsAsync(subscription, 3, digestAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        await fake.WaitForAsync(d => d.Count(m => !m.IsUpdate) == 1);
        for (var i = 0; i < 200; i++)
        {
            await using var db = host.Db();
            if (await db.AlertOutbox.CountAsync(o => alerts.Contains(o.AlertId) && o.Status == OutboxStatus.Sent) == alerts.Count)
            {
                Assert.Contains("Alert digest: 3 accounts changed", fake.Delivered.Single().Body, StringComparison.Ordinal);
                return alerts;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The digest was not marked sent.");
    }

    /// <summary>Changes an alert's status and queues the edits in one transaction, as the alert buttons do.</summary>
    private static async Task ChangeStatusAsync(AlertTestHost host, long alertId, AlertStatus status)
    {
        await using var db = host.Db();
        var alert = await db.Alerts.SingleAsync(a => a.Id == alertId);
        alert.Status = status;
        await AlertEdits.EnqueueAsync(db, [alertId], DateTimeOffset.UtcNow, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private static async Task WaitForEditsSentAsync(AlertTestHost host, int count)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var db = host.Db();
            if (await db.AlertOutbox.CountAsync(o => o.Kind == OutboxKind.Update && o.Status == OutboxStatus.Sent) == count)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Fewer than {count} edits were marked sent.");
    }
}
