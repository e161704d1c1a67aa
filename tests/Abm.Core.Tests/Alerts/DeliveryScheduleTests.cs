using Abm.Core.Alerts;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Abm.Core.Tests.Alerts;

public class DeliveryScheduleTests
{
    // Spring: clocks skip 02:00–03:00; autumn: New York repeats 01:00–02:00, Berlin 02:00–03:00.
    [Theory]
    [InlineData("America/New_York", "2026-03-05", 150, "2026-03-08T07:30:00Z")]
    [InlineData("America/New_York", "2026-10-29", 90, "2026-11-01T05:30:00Z")]
    [InlineData("Europe/Berlin", "2026-03-26", 150, "2026-03-29T01:30:00Z")]
    [InlineData("Europe/Berlin", "2026-10-22", 150, "2026-10-25T00:30:00Z")]
    public void DailyDigest_OnTransitionDay_FiresOnce(string zoneId, string from, int minuteOfDay, string expectedOnTransition)
    {
        var digests = Digests(zoneId, from, minuteOfDay, days: 7);

        Assert.Equal(1, digests.Count(d => d == DateTimeOffset.Parse(expectedOnTransition, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-05", 150)]
    [InlineData("America/New_York", "2026-10-29", 90)]
    [InlineData("Europe/Berlin", "2026-03-26", 150)]
    [InlineData("Europe/Berlin", "2026-10-22", 150)]
    public void DailyDigest_AcrossTransition_OnePerLocalDay(string zoneId, string from, int minuteOfDay)
    {
        var zone = DeliverySchedule.FindZone(zoneId)!;

        var dates = Digests(zoneId, from, minuteOfDay, days: 7).Select(d => Instant.FromDateTimeOffset(d).InZone(zone).Date).ToList();

        Assert.Equal(Enumerable.Range(0, 7).Select(i => dates[0].PlusDays(i)), dates);
    }

    [Fact]
    public void WeeklyDigest_FallsOnItsWeekday()
    {
        var zone = DeliverySchedule.FindZone("Europe/Berlin")!;

        var next = DeliverySchedule.NextDigest(zone, 9 * 60, DayOfWeek.Monday, new DateTimeOffset(2026, 10, 21, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("America/New_York", 2026, 3, 7)]
    [InlineData("America/New_York", 2026, 10, 31)]
    [InlineData("Europe/Berlin", 2026, 3, 28)]
    [InlineData("Europe/Berlin", 2026, 10, 24)]
    public void AlertsEveryHour_AcrossTransition_OneDigestPerLocalDay(string zoneId, int year, int month, int day)
    {
        var zone = DeliverySchedule.FindZone(zoneId)!;
        var time = new FakeTimeProvider(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));
        var subscription = new AlertSubscription { Channel = "slack", ConversationId = "C1", Mode = DeliveryMode.Daily, DigestMinuteOfDay = 150, TimeZone = zoneId };
        var digestInstants = new SortedSet<DateTimeOffset>();
        for (var hour = 0; hour < 72; hour++)
        {
            digestInstants.Add(DeliverySchedule.Plan(subscription, urgent: false, time.GetUtcNow()).DigestAt!.Value);
            time.Advance(TimeSpan.FromHours(1));
        }

        var dates = digestInstants.Select(d => Instant.FromDateTimeOffset(d).InZone(zone).Date).ToList();

        Assert.Equal(Enumerable.Range(0, dates.Count).Select(i => dates[0].PlusDays(i)), dates);
    }

    [Fact]
    public void QuietHours_FoldNonUrgentIntoNextDigest()
    {
        var subscription = new AlertSubscription { Channel = "slack", ConversationId = "C1", TimeZone = "Europe/Berlin", QuietStartMinute = 20 * 60, QuietEndMinute = 7 * 60, DigestMinuteOfDay = 8 * 60 };

        var (dueAt, _) = DeliverySchedule.Plan(subscription, urgent: false, new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 7, 0, 0, TimeSpan.Zero), dueAt);
    }

    [Fact]
    public void QuietHours_LetUrgentThrough()
    {
        var now = new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);
        var subscription = new AlertSubscription { Channel = "slack", ConversationId = "C1", TimeZone = "Europe/Berlin", QuietStartMinute = 20 * 60, QuietEndMinute = 7 * 60 };

        var (dueAt, _) = DeliverySchedule.Plan(subscription, urgent: true, now);

        Assert.Equal(now, dueAt);
    }

    private static List<DateTimeOffset> Digests(string zoneId, string from, int minuteOfDay, int days)
    {
        var zone = DeliverySchedule.FindZone(zoneId)!;
        var after = DateTimeOffset.Parse(from + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var digests = new List<DateTimeOffset>();
        for (var i = 0; i < days; i++)
        {
            after = DeliverySchedule.NextDigest(zone, minuteOfDay, null, after);
            digests.Add(after);
        }

        return digests;
    }
}
