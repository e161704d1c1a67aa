using System.Globalization;
using Abm.Core.Answers;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Alerts;

/// <summary>
/// Puts the alert commands and the alert card buttons in front of another assistant; everything
/// else passes through unchanged, so every channel that calls <see cref="IAssistant"/> gets them.
/// </summary>
public sealed class AlertAwareAssistant(IAssistant inner, AlertCommandHandler commands, IDbContextFactory<AbmDbContext> contexts, TimeProvider time) : IAssistant
{
    public Task<Reply> AskAsync(string question, Asker asker, CancellationToken cancellationToken) =>
        AlertCommandParser.Parse(question) is { } command
            ? commands.HandleAsync(command, asker, cancellationToken)
            : inner.AskAsync(question, asker, cancellationToken);

    public Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken) =>
        verb is AlertVerbs.Assign or AlertVerbs.Snooze or AlertVerbs.NotRelevant
            ? ActAsync(verb, data, asker, cancellationToken)
            : inner.ExecuteAsync(verb, data, asker, cancellationToken);

    /// <summary>Changes the alert's status, snoozes the account if asked, and queues edits of the messages already sent.</summary>
    private async Task<Reply> ActAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken)
    {
        if (!data.TryGetValue(AlertVerbs.AlertIdKey, out var idText) || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var alertId))
        {
            return new TextReply("This button names no alert; it may come from an older card.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return new TextReply($"Alert {alertId} no longer exists.");
        }

        var now = time.GetUtcNow();
        alert.StatusChangedById = asker.PersonId;
        alert.StatusChangedAt = now;
        string text;
        switch (verb)
        {
            case AlertVerbs.Assign:
                alert.Status = AlertStatus.Assigned;
                text = $"{alert.AccountName} is assigned to {asker.DisplayName ?? "you"}.";
                break;
            case AlertVerbs.Snooze:
                alert.Status = AlertStatus.Snoozed;
                var state = await db.AlertStates.FirstOrDefaultAsync(s => s.AccountId == alert.AccountId, cancellationToken);
                if (state is not null)
                {
                    state.SnoozedUntil = now + AlertVerbs.SnoozeFor;
                    state.Version++;
                }

                text = $"No alerts for {alert.AccountName} for 7 days.";
                break;
            default:
                alert.Status = AlertStatus.NotRelevant;
                text = $"Marked the alert for {alert.AccountName} not relevant; \"alert stats\" counts it when tuning thresholds.";
                break;
        }

        await AlertEdits.EnqueueAsync(db, [alert.Id], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new TextReply(text);
    }
}
