using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Playbooks;

/// <summary>Quiet hours in a person's own time zone, across daylight-saving changes.</summary>
public static class QuietHours
{
    /// <summary>
    /// Returns <paramref name="now"/> when it is outside quiet hours in <paramref name="zone"/>,
    /// else the instant quiet hours end there. The end is a local wall-clock time, so it stays
    /// 08:00 local on the day the clocks change; a local end that falls in a spring-forward gap
    /// moves to the first valid minute after it.
    /// </summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = start < end ? time >= start && time < end : time >= start || time < end;
        if (!quiet)
        {
            return now;
        }

        var date = DateOnly.FromDateTime(local.DateTime);
        var endDate = time < end ? date : date.AddDays(1);
        var wall = endDate.ToDateTime(end, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(1);
        }

        // An ambiguous end (fall-back hour) takes the earlier of the two instants.
        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }

    /// <summary>Finds an IANA zone, falling back to UTC for an unknown id.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>
/// Reminds owners of overdue current steps (and snoozed steps whose snooze ended), at most once
/// per <see cref="PlaybookOptions.ReminderInterval"/>, never inside the owner's quiet hours.
/// </summary>
public sealed class PlaybookReminders(
    IDbContextFactory<AbmDbContext> contexts,
    IPlaybookNotifier notifier,
    PlaybookOptions options,
    TimeProvider time,
    ILogger<PlaybookReminders> logger)
{
    /// <summary>Sends the reminders due now and returns how many it sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = await db.Set<PlaybookProgram>().AsNoTracking().Where(p => p.Status == ProgramStatus.Active).Select(p => p.Id).ToListAsync(cancellationToken);
        var open = await db.Set<PlaybookStep>().AsNoTracking()
            .Where(s => active.Contains(s.ProgramId) && (s.Status == StepStatus.Pending || s.Status == StepStatus.Snoozed))
            .ToListAsync(cancellationToken);
        var current = open.GroupBy(s => s.ProgramId).Select(g => g.MinBy(s => s.Order)!).ToList();
        var ownerIds = current.Select(s => s.OwnerId).Distinct().ToList();
        var zones = await db.People.AsNoTracking().Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.TimeZone, cancellationToken);

        var sent = 0;
        foreach (var step in current.Where(s => IsDue(s, now)))
        {
            var zone = QuietHours.Zone(zones.GetValueOrDefault(step.OwnerId));
            if (QuietHours.NextAllowed(now, zone, options.QuietHoursStart, options.QuietHoursEnd) > now)
            {
                continue;
            }

            // Claim the reminder first, so two bot instances do not both send it.
            var claimed = await db.Set<PlaybookStep>().Where(s => s.Id == step.Id && s.Version == step.Version)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastReminderAt, now).SetProperty(s => s.Version, step.Version + 1), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var view = (await PlaybookService.LoadProgramsAsync(db, [step.ProgramId], cancellationToken))[0].Steps.Single(s => s.Id == step.Id);
            await notifier.StepReminderAsync(view, cancellationToken);
            sent++;
        }

        if (sent > 0)
        {
            Log.RemindersSent(logger, sent);
        }

        return sent;
    }

    private bool IsDue(PlaybookStep step, DateTimeOffset now)
    {
        var dueAt = step.Status == StepStatus.Snoozed ? step.SnoozedUntil ?? step.DueAt : step.DueAt;
        if (dueAt > now)
        {
            return false;
        }

        return step.LastReminderAt is not { } last || now - last >= options.ReminderInterval || last < dueAt;
    }
}
