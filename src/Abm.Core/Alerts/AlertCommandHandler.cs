using System.Globalization;
using System.Text;
using Abm.Core.Answers;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Alerts;

/// <summary>Runs the alert commands for the conversation they were typed in.</summary>
public sealed class AlertCommandHandler(IDbContextFactory<AbmDbContext> contexts, TimeProvider time)
{
    public async Task<Reply> HandleAsync(AlertCommand command, Asker asker, CancellationToken cancellationToken)
    {
        if (command is AlertCommand.Stats stats)
        {
            return await StatsAsync(stats.Days, cancellationToken);
        }

        if (asker.ConversationId is null || asker.Channel is not (OutboxPlanner.Teams or OutboxPlanner.Slack))
        {
            return new TextReply("Subscriptions belong to a Teams or Slack conversation: type this in the channel or chat that should get the alerts.");
        }

        return command switch
        {
            AlertCommand.Subscribe subscribe => await SubscribeAsync(subscribe, asker, cancellationToken),
            AlertCommand.List => await ListAsync(asker, cancellationToken),
            AlertCommand.Unsubscribe unsubscribe => await UnsubscribeAsync(unsubscribe.Id, asker, cancellationToken),
            _ => new TextReply("That alert command is not supported."),
        };
    }

    private async Task<Reply> SubscribeAsync(AlertCommand.Subscribe command, Asker asker, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscription = new AlertSubscription
        {
            Channel = asker.Channel,
            ConversationId = asker.ConversationId!,
            Band = command.Band,
            MinFitTier = command.MinFitTier,
            Rule = command.Rule,
            Mode = command.Mode,
            DigestDay = command.DigestDay ?? DayOfWeek.Monday,
            DigestMinuteOfDay = command.DigestMinute ?? 8 * 60,
            QuietStartMinute = command.QuietStart,
            QuietEndMinute = command.QuietEnd,
            CreatedById = asker.PersonId,
            CreatedAt = time.GetUtcNow(),
        };

        var zone = command.TimeZone;
        if (zone is null && asker.PersonId is { } personId)
        {
            zone = await db.People.Where(p => p.Id == personId).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        }

        if (zone is not null && DeliverySchedule.FindZone(zone) is null)
        {
            return new TextReply($"\"{zone}\" is not an IANA time zone; use one such as Europe/Berlin or America/New_York.");
        }

        subscription.TimeZone = zone ?? "UTC";
        if (command.Place is { } place && !await ApplyPlaceAsync(db, subscription, place, cancellationToken))
        {
            var regions = await db.Accounts.Where(a => a.Region != null).Select(a => a.Region!).Distinct().OrderBy(r => r).Take(12).ToListAsync(cancellationToken);
            return new TextReply($"I know no region, industry, team or owner called \"{place}\". Regions: {string.Join(", ", regions)}.");
        }

        db.AlertSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new TextReply($"Subscribed this conversation (#{subscription.Id}) to {Describe(subscription)}. Say \"unsubscribe {subscription.Id}\" to stop.");
    }

    private static async Task<bool> ApplyPlaceAsync(AbmDbContext db, AlertSubscription subscription, string place, CancellationToken cancellationToken)
    {
        // Distinct regions, industries, teams and names are few; compare them in memory, case-insensitively.
        string? Find(IEnumerable<string?> values) =>
            values.FirstOrDefault(v => string.Equals(v?.Trim(), place, StringComparison.OrdinalIgnoreCase));

        if (Find(await db.Accounts.Select(a => a.Region).Distinct().ToListAsync(cancellationToken)) is { } region)
        {
            subscription.Region = region;
            return true;
        }

        if (Find(await db.Accounts.Select(a => a.Industry).Distinct().ToListAsync(cancellationToken)) is { } industry)
        {
            subscription.Industry = industry;
            return true;
        }

        if (Find(await db.People.Select(p => p.Team).Distinct().ToListAsync(cancellationToken)) is { } team)
        {
            subscription.Team = team;
            return true;
        }

        var people = await db.People.Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        subscription.OwnerId = people.FirstOrDefault(p => string.Equals(p.Name, place, StringComparison.OrdinalIgnoreCase))?.Id;
        return subscription.OwnerId is not null;
    }

    private async Task<Reply> ListAsync(Asker asker, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscriptions = await db.AlertSubscriptions.AsNoTracking()
            .Where(s => s.Channel == asker.Channel && s.ConversationId == asker.ConversationId)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return new TextReply("This conversation has no alert subscriptions. Try \"subscribe this channel to hot accounts in EMEA\".");
        }

        var text = new StringBuilder("Alert subscriptions here:");
        foreach (var subscription in subscriptions)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n#{subscription.Id}: {Describe(subscription)}");
            if (!subscription.Enabled)
            {
                text.Append(CultureInfo.InvariantCulture, $" (stopped: {subscription.DisabledReason})");
            }
        }

        return new TextReply(text.ToString());
    }

    private async Task<Reply> UnsubscribeAsync(long? id, Asker asker, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AlertSubscriptions.Where(s => s.Channel == asker.Channel && s.ConversationId == asker.ConversationId);
        if (id is { } only)
        {
            query = query.Where(s => s.Id == only);
        }

        var removed = await query.ToListAsync(cancellationToken);
        if (removed.Count == 0)
        {
            return new TextReply(id is null ? "This conversation has no alert subscriptions." : $"This conversation has no subscription #{id}. Say \"list subscriptions\" to see them.");
        }

        var ids = removed.Select(s => s.Id).ToList();
        db.AlertSubscriptions.RemoveRange(removed);
        await db.SaveChangesAsync(cancellationToken);
        await db.AlertOutbox.Where(o => o.SubscriptionId != null && ids.Contains(o.SubscriptionId.Value) && o.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Dropped).SetProperty(o => o.LastError, "unsubscribed"), cancellationToken);
        return new TextReply(removed.Count == 1 ? $"Unsubscribed #{ids[0]}." : $"Unsubscribed {removed.Count} subscriptions.");
    }

    private async Task<Reply> StatsAsync(int days, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-days);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sent = await db.AlertOutbox.AsNoTracking()
            .Where(o => o.Kind == OutboxKind.Alert && o.Status == OutboxStatus.Sent && o.CreatedAt >= since)
            .Select(o => new { o.AlertId, o.Channel, o.Alert!.Rule, o.Alert.Status })
            .ToListAsync(cancellationToken);
        if (sent.Count == 0)
        {
            return new TextReply(string.Create(CultureInfo.InvariantCulture, $"No alerts were sent in the last {days} days."));
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Alerts sent in the last {days} days, by rule and channel:"));
        foreach (var group in sent.DistinctBy(s => (s.AlertId, s.Channel)).GroupBy(s => (s.Rule, s.Channel)).OrderBy(g => g.Key.Rule, StringComparer.Ordinal).ThenBy(g => g.Key.Channel, StringComparer.Ordinal))
        {
            var count = group.Count();
            var acted = group.Count(s => s.Status == AlertStatus.Assigned);
            var dismissed = group.Count(s => s.Status == AlertStatus.NotRelevant);
            text.Append(CultureInfo.InvariantCulture, $"\n{group.Key.Rule} in {group.Key.Channel}: {count} sent, {Percent(acted, count)} acted on, {Percent(dismissed, count)} not relevant");
        }

        text.Append("\nWhen fewer than half are acted on, raise the thresholds or narrow the subscriptions.");
        return new TextReply(text.ToString());
    }

    private static string Percent(int part, int whole) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0}%");

    /// <summary>The subscription's filters and delivery in words.</summary>
    public static string Describe(AlertSubscription s)
    {
        var what = new List<string> { s.Band is { } band ? band.ToString().ToLowerInvariant() + " accounts" : "all accounts" };
        if (s.MinFitTier is { } tier && tier != FitTier.None)
        {
            what.Add($"fit tier {tier} or better");
        }

        foreach (var (label, value) in new[] { ("region", s.Region), ("industry", s.Industry), ("team", s.Team), ("owner", s.OwnerId) })
        {
            if (value is not null)
            {
                what.Add($"{label} {value}");
            }
        }

        if (s.Rule is not null)
        {
            what.Add("rule " + s.Rule);
        }

        var clock = string.Create(CultureInfo.InvariantCulture, $"{s.DigestMinuteOfDay / 60:00}:{s.DigestMinuteOfDay % 60:00} {s.TimeZone}");
        var delivery = s.Mode switch
        {
            DeliveryMode.Daily => "daily digest at " + clock,
            DeliveryMode.Weekly => $"weekly digest on {s.DigestDay} at {clock}",
            _ => "real time",
        };
        if (s.QuietStartMinute is { } from && s.QuietEndMinute is { } to)
        {
            delivery += string.Create(CultureInfo.InvariantCulture, $", quiet {from / 60:00}:{from % 60:00}–{to / 60:00}:{to % 60:00}");
        }

        return string.Join(", ", what) + "; " + delivery;
    }
}
