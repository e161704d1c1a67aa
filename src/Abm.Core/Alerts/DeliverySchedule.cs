using NodaTime;
using NodaTime.Extensions;
using NodaTime.TimeZones;

namespace Abm.Core.Alerts;

/// <summary>
/// When a subscription receives an alert: now, at its next digest, or (in quiet hours) at the
/// next digest time. Digest times are local wall-clock times in an IANA zone.
/// </summary>
/// <remarks>
/// Daylight-saving transitions neither skip nor double a digest: a local time that does not
/// exist on the day clocks go forward is moved forward by the gap (02:30 becomes 03:30), and a
/// local time that occurs twice when clocks go back is taken once, at its first occurrence.
/// </remarks>
public static class DeliverySchedule
{
    /// <summary>Returns the IANA zone, or null when the id is unknown.</summary>
    public static DateTimeZone? FindZone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>Returns when an alert is due for a subscription and, when it goes into a digest, that digest's instant.</summary>
    public static (DateTimeOffset DueAt, DateTimeOffset? DigestAt) Plan(AlertSubscription subscription, bool urgent, DateTimeOffset now)
    {
        var zone = ZoneOf(subscription);
        if (subscription.Mode == DeliveryMode.RealTime)
        {
            if (urgent || !InQuietHours(subscription, zone, now))
            {
                return (now, null);
            }

            var release = NextDigest(zone, subscription.DigestMinuteOfDay, null, now);
            return (release, release);
        }

        var weekday = subscription.Mode == DeliveryMode.Weekly ? subscription.DigestDay : (DayOfWeek?)null;
        var digest = NextDigest(zone, subscription.DigestMinuteOfDay, weekday, now);
        return (digest, digest);
    }

    /// <summary>The first digest instant strictly after <paramref name="after"/>.</summary>
    /// <param name="minuteOfDay">Local time, minutes after midnight.</param>
    /// <param name="weekday">For a weekly digest, its day; null for daily.</param>
    public static DateTimeOffset NextDigest(DateTimeZone zone, int minuteOfDay, DayOfWeek? weekday, DateTimeOffset after)
    {
        var afterInstant = Instant.FromDateTimeOffset(after);
        var at = LocalTime.Midnight.PlusMinutes(minuteOfDay);
        var date = afterInstant.InZone(zone).Date.PlusDays(-1);
        for (var i = 0; i < 16; i++, date = date.PlusDays(1))
        {
            if (weekday is { } day && date.DayOfWeek != day.ToIsoDayOfWeek())
            {
                continue;
            }

            var instant = zone.ResolveLocal(date + at, Resolvers.LenientResolver).ToInstant();
            if (instant > afterInstant)
            {
                return instant.ToDateTimeOffset();
            }
        }

        throw new InvalidOperationException("No digest time within 16 days; the schedule is inconsistent.");
    }

    /// <summary>Whether the subscription's quiet hours cover the instant (a range may wrap past midnight).</summary>
    public static bool InQuietHours(AlertSubscription subscription, DateTimeOffset instant) =>
        InQuietHours(subscription, ZoneOf(subscription), instant);

    private static bool InQuietHours(AlertSubscription subscription, DateTimeZone zone, DateTimeOffset instant)
    {
        if (subscription.QuietStartMinute is not { } start || subscription.QuietEndMinute is not { } end || start == end)
        {
            return false;
        }

        var local = Instant.FromDateTimeOffset(instant).InZone(zone).TimeOfDay;
        var minute = local.Hour * 60 + local.Minute;
        return start < end ? minute >= start && minute < end : minute >= start || minute < end;
    }

    private static DateTimeZone ZoneOf(AlertSubscription subscription) => FindZone(subscription.TimeZone) ?? DateTimeZone.Utc;
}
