using Abm.Core.Playbooks;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Playbooks;

/// <summary>Looks for overdue playbook steps every <see cref="PlaybookOptions.ReminderPollInterval"/> and reminds their owners.</summary>
internal sealed class PlaybookReminderJob(PlaybookReminders reminders, PlaybookOptions options, TimeProvider time, ILogger<PlaybookReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ReminderPollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SendDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping, or it failed to start and is being disposed without a stop.
        }
    }

    private async Task SendDueAsync(CancellationToken stoppingToken)
    {
        try
        {
            await reminders.SendDueAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ReminderRunFailed(logger, exception);
        }
    }
}
