using Abm.Core.Playbooks;

namespace Abm.Core.Tests.Playbooks;

public sealed class PlaybookRemindersTests
{
    [Fact]
    public async Task Reminders_follow_local_morning_across_dst()
    {
        // Meg works in Berlin; the clocks jump from UTC+1 to UTC+2 on 29 March 2026.
        using var fixture = new PlaybookFixture(new PlaybookOptions { ReminderInterval = TimeSpan.FromHours(12) });
        fixture.Notifier.Clock = fixture.Database.Clock;
        await fixture.StartAsync("executive-outreach"); // first step due 22 March
        fixture.Database.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 27, 19, 0, 0, TimeSpan.Zero));

        // Poll every 15 minutes, as the reminder job does, until noon UTC on 29 March.
        while (fixture.Database.Clock.GetUtcNow() < new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero))
        {
            await fixture.Reminders.SendDueAsync(CancellationToken.None);
            fixture.Database.Clock.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Equal(
            [new DateTimeOffset(2026, 3, 28, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero)],
            fixture.Notifier.Reminders.Select(r => r.At));
    }

    [Fact]
    public async Task Step_not_yet_due_gets_no_reminder()
    {
        using var fixture = new PlaybookFixture();
        await fixture.StartAsync("executive-outreach");
        fixture.Database.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await fixture.Reminders.SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Snoozed_step_waits()
    {
        using var fixture = new PlaybookFixture();
        var program = await fixture.StartAsync("executive-outreach");
        fixture.Database.Clock.Advance(TimeSpan.FromDays(3)); // overdue, 10:00 in Berlin
        await fixture.Service.ActAsync(program.Current!.Id, "p-meg", new SnoozeStep(TimeSpan.FromDays(2)), CancellationToken.None);

        Assert.Equal(0, await fixture.Reminders.SendDueAsync(CancellationToken.None));
    }
}
