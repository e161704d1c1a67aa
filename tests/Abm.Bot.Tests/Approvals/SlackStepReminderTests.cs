using Abm.Bot.Tests.Slack;
using Abm.Core.Domain;
using Abm.Core.Playbooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Bot.Tests.Approvals;

/// <summary>Reminders of overdue steps reach an owner who uses Slack, through the real host and a fake clock.</summary>
public sealed class SlackStepReminderTests : IAsyncLifetime
{
    // 10:00 UTC, so two days later is outside the default quiet hours (20:00–08:00).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero));
    private FakeSlackApi _api = null!;
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _host = await SlackWorkflowHost.StartAsync(_api, _clock);
        await _host.SeedAsync(
            new Person { Id = "p-rex", Name = "Rex Rep", Role = PersonRole.Rep, SlackUserId = "UREX" },
            new Account { Id = "a-contoso", Name = "Contoso Ltd", Domain = "contoso.com", OwnerId = "p-rex" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Overdue_step_reminds_slack_owner()
    {
        var (program, error) = await _host.Services.GetRequiredService<PlaybookService>().StartAsync("a-contoso", "outbound-sdr-sequence", "p-rex", CancellationToken.None);
        Assert.True(program is not null, error);

        _clock.Advance(TimeSpan.FromDays(2));
        await _host.Services.GetRequiredService<PlaybookReminders>().SendDueAsync(CancellationToken.None);
        var reminder = (await _api.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.StartsWith("Reminder:", StringComparison.Ordinal) == true))
            .First(c => c.Method == "chat.postMessage" && c.Arg("text")!.StartsWith("Reminder:", StringComparison.Ordinal));

        Assert.Equal("DUREX", reminder.Arg("channel"));
        Assert.Empty(_api.Problems);
    }
}
