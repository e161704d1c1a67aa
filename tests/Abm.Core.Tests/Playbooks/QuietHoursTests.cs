using Abm.Core.Playbooks;

namespace Abm.Core.Tests.Playbooks;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeOnly Start = new(20, 0);
    private static readonly TimeOnly End = new(8, 0);

    [Fact]
    public void Daytime_is_allowed()
    {
        var now = new DateTimeOffset(2026, 3, 27, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(now, QuietHours.NextAllowed(now, Berlin, Start, End));
    }

    [Fact]
    public void Night_before_spring_forward_ends_at_local_eight()
    {
        // 23:30 in Berlin on 28 March (UTC+1); the clocks jump to UTC+2 at 02:00 on 29 March.
        var now = new DateTimeOffset(2026, 3, 28, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), QuietHours.NextAllowed(now, Berlin, Start, End));
    }

    [Fact]
    public void Night_before_fall_back_ends_at_local_eight()
    {
        // 21:00 in Berlin on 24 October (UTC+2); the clocks go back to UTC+1 at 03:00 on 25 October.
        var now = new DateTimeOffset(2026, 10, 24, 19, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero), QuietHours.NextAllowed(now, Berlin, Start, End));
    }

    [Fact]
    public void End_inside_spring_gap_moves_after_it()
    {
        var now = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero); // 01:30 local, before the jump

        var allowed = QuietHours.NextAllowed(now, Berlin, new TimeOnly(1, 0), new TimeOnly(2, 30));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), allowed);
    }
}
