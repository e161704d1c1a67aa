using Abm.Core.Alerts;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Alerts;

/// <summary>
/// Sends the outbox: claims due rows, sends each conversation's rows in order (conversations in
/// parallel), and records the outcome. Delivery is at least once: a crash after a send and before
/// its row is marked sent sends that message again once the lease expires.
/// </summary>
internal sealed class AlertDispatcher(
    OutboxLeases leases,
    ConversationRateLimiter limiter,
    IServiceScopeFactory scopes,
    IDbContextFactory<AbmDbContext> contexts,
    TimeProvider time,
    IOptions<AlertDispatchOptions> options,
    ILogger<AlertDispatcher> logger) : BackgroundService
{
    private readonly AlertDispatchOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchOnceAsync(stoppingToken) == 0)
                {
                    await Task.Delay(_options.PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or HttpRequestException or Microsoft.Data.Sqlite.SqliteException)
            {
                Log.DispatcherFailed(logger, ex);
                await Task.Delay(_options.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Claims and sends one batch; returns how many rows it claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await leases.ClaimAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var conversations = claimed.GroupBy(o => o.Channel + "|" + o.Target, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(
            conversations,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (conversation, token) => await SendConversationAsync(conversation.Key, conversation.ToList(), token));
        return claimed.Count;
    }

    private async Task SendConversationAsync(string key, List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Digest rows of one subscription and instant make one message; every other row is its own.
        var messages = rows.GroupBy(r => r.DigestAt is { } at ? $"d|{r.SubscriptionId}|{at.ToUnixTimeMilliseconds()}" : $"m|{r.Id}", StringComparer.Ordinal);
        var waiting = new List<OutboxMessage>();
        foreach (var message in messages)
        {
            var group = message.ToList();
            var now = time.GetUtcNow();
            var slot = waiting.Count > 0 ? DateTimeOffset.MaxValue : limiter.Reserve(key, now);
            if (slot > now)
            {
                waiting.AddRange(group);
                continue;
            }

            await SendAsync(scope.ServiceProvider, group, cancellationToken);
        }

        if (waiting.Count > 0)
        {
            await leases.RescheduleAsync(waiting, "rate limited", time.GetUtcNow() + _options.PerConversationInterval, cancellationToken);
        }
    }

    private async Task SendAsync(IServiceProvider services, List<OutboxMessage> group, CancellationToken cancellationToken)
    {
        var first = group[0];
        IAlertSender? sender = first.Channel switch
        {
            OutboxPlanner.Teams => services.GetRequiredService<TeamsAlertSender>(),
            OutboxPlanner.Slack => services.GetRequiredService<SlackAlertSender>(),
            _ => null,
        };
        if (sender is null)
        {
            await leases.DropAsync(group, $"unknown channel '{first.Channel}'", conversationGone: false, cancellationToken);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (first.SubscriptionId is { } subscriptionId && !await db.AlertSubscriptions.AnyAsync(s => s.Id == subscriptionId && s.Enabled, cancellationToken))
        {
            await leases.DropAsync(group, "the subscription is disabled or removed", conversationGone: false, cancellationToken);
            return;
        }

        if (first.Kind == OutboxKind.Update)
        {
            await EditAsync(db, sender, group, cancellationToken);
            return;
        }

        var alertIds = group.Select(r => r.AlertId).ToList();
        var alerts = await db.Alerts.AsNoTracking().Where(a => alertIds.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var views = new List<AlertView>();
        foreach (var alert in alerts)
        {
            views.Add(await AlertViews.LoadAsync(db, alert, cancellationToken));
        }

        SendOutcome outcome;
        if (first.DigestAt is not null && group.Count > 1)
        {
            outcome = await sender.SendAsync(db, first, new SlackOrTeamsContent(AlertCards.DigestCard(views), AlertCards.SlackDigest(views)), cancellationToken);
        }
        else if (views.Count == 0)
        {
            await leases.DropAsync(group, "the alert no longer exists", conversationGone: false, cancellationToken);
            return;
        }
        else
        {
            outcome = await sender.SendAsync(db, first, new SlackOrTeamsContent(AlertCards.Card(views[0]), AlertCards.Slack(views[0])), cancellationToken);
        }

        await RecordAsync(group, outcome, cancellationToken);
    }

    /// <summary>
    /// Edits a sent message to show the current status of every alert it shows: one alert, or
    /// every line of a digest. The edit holds a lock on the message's first row, so two instances
    /// never edit one message at once and the last edit renders the latest statuses. An edit that
    /// would show what the message already shows is skipped.
    /// </summary>
    private async Task EditAsync(AbmDbContext db, IAlertSender sender, List<OutboxMessage> group, CancellationToken cancellationToken)
    {
        var original = await db.AlertOutbox.AsNoTracking().FirstOrDefaultAsync(o => o.Id == group[0].UpdatesMessageId && o.Status == OutboxStatus.Sent, cancellationToken);
        if (original is null)
        {
            await leases.DropAsync(group, "the original message was never sent", conversationGone: false, cancellationToken);
            return;
        }

        var lockToken = await leases.TryLockSentMessageAsync(original.Id, cancellationToken);
        if (lockToken is null)
        {
            await leases.RescheduleAsync(group, "another instance is editing the message", time.GetUtcNow() + _options.PerConversationInterval, cancellationToken);
            return;
        }

        string? shownHash = null;
        try
        {
            // Read after taking the lock, so the edit shows every status committed before it.
            var lines = await db.AlertOutbox.AsNoTracking()
                .Where(o => o.Kind == OutboxKind.Alert && o.Status == OutboxStatus.Sent && o.Channel == original.Channel
                    && o.SentConversationId == original.SentConversationId && o.SentMessageId == original.SentMessageId)
                .Select(o => o.AlertId)
                .ToListAsync(cancellationToken);
            var alerts = await db.Alerts.AsNoTracking().Where(a => lines.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
            var views = new List<AlertView>();
            foreach (var alert in alerts)
            {
                views.Add(await AlertViews.LoadAsync(db, alert, cancellationToken));
            }

            if (views.Count == 0)
            {
                await leases.DropAsync(group, "the alert no longer exists", conversationGone: false, cancellationToken);
                return;
            }

            var hash = AlertViews.ContentHash(views);
            if (hash == original.EditedContentHash)
            {
                Log.AlertEditSkipped(logger, group[0].Id, original.Id);
                await leases.MarkSentAsync(group, new SendOutcome.Sent(original.SentConversationId ?? string.Empty, original.SentMessageId ?? string.Empty), CancellationToken.None);
                return;
            }

            // A digest of one line was sent as a stand-alone alert message, so it is edited as one.
            var content = original.DigestAt is not null && views.Count > 1
                ? new SlackOrTeamsContent(AlertCards.DigestCard(views), AlertCards.SlackDigest(views))
                : new SlackOrTeamsContent(AlertCards.Card(views[0]), AlertCards.Slack(views[0]));
            var outcome = await sender.UpdateAsync(db, original, content, cancellationToken);
            if (outcome is SendOutcome.Sent)
            {
                shownHash = hash;
            }

            await RecordAsync(group, outcome, cancellationToken);
        }
        finally
        {
            await leases.UnlockSentMessageAsync(original.Id, lockToken, shownHash, CancellationToken.None);
        }
    }

    private async Task RecordAsync(List<OutboxMessage> group, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var first = group[0];
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                // The crash window: the message is out, and until this update commits a restart sends it again.
                await leases.MarkSentAsync(group, sent, CancellationToken.None);
                if (group.Count > 1)
                {
                    Log.DigestSent(logger, group.Count, first.Channel);
                }

                break;
            case SendOutcome.Gone gone:
                // An edit whose original message is gone says nothing about the subscription.
                await leases.DropAsync(group, gone.Reason, conversationGone: first.Kind == OutboxKind.Alert, cancellationToken);
                break;
            case SendOutcome.Retry retry:
                var delay = RetryDelay(first.Attempts);
                Log.AlertRetry(logger, first.Id, first.Channel, retry.Reason, delay);
                await leases.RescheduleAsync(group, retry.Reason, time.GetUtcNow() + delay, cancellationToken);
                break;
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var seconds = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxRetryDelay.TotalSeconds));
    }
}

/// <summary>Re-scores active accounts on the configured interval so decay alone can raise alerts.</summary>
internal sealed class ReevaluationService(AlertReevaluator reevaluator, AlertRulesOptions rules, TimeProvider time, IOptions<AlertDispatchOptions> options, ILogger<ReevaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(rules.ReevaluationInterval, time);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping, or it failed to start and is being disposed without a stop.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await reevaluator.RunOnceAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            Log.ReevaluationFailed(logger, ex);
        }
    }
}
