using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Abm.Core.Alerts;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Bot.Alerts;

/// <summary>What an alert message shows, in words, the same in Teams and Slack.</summary>
public sealed record AlertView(
    Alert Alert,
    string Title,
    string ScoreLine,
    string BandLine,
    string? OwnerName,
    IReadOnlyList<AlertReason> Reasons,
    string? StatusLine)
{
    public bool IsOpen => Alert.Status == AlertStatus.Open;

    /// <summary>One line for notifications and digests.</summary>
    public string Summary => $"{Title}. {ScoreLine}.";

    /// <summary>The alert's line in a digest: the summary, then the status once it is not open.</summary>
    public string DigestLine => StatusLine is { } status ? $"{Summary} {status}." : Summary;
}

/// <summary>Builds <see cref="AlertView"/>s from stored alerts and their people.</summary>
public sealed class AlertViews
{
    /// <summary>Most reasons an alert message lists.</summary>
    public const int MaxReasons = 3;

    public static async Task<AlertView> LoadAsync(AbmDbContext db, Alert alert, CancellationToken cancellationToken)
    {
        var ids = new[] { alert.OwnerId, alert.StatusChangedById }.Where(id => id != null).Select(id => id!).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, StringComparer.Ordinal, cancellationToken);
        return Create(alert, alert.OwnerId is { } owner ? names.GetValueOrDefault(owner) : null, alert.StatusChangedById is { } by ? names.GetValueOrDefault(by) : null);
    }

    public static AlertView Create(Alert alert, string? ownerName, string? changedByName)
    {
        var name = alert.AccountName;
        var title = alert.Rule switch
        {
            AlertRules.BandUp => $"{name} is now {Band(alert.NewBand)}",
            AlertRules.BandDown => $"{name} dropped to {Band(alert.NewBand)}",
            AlertRules.Disengagement => $"{name} is cooling: {Band(alert.OldBand)} to {Band(alert.NewBand)}",
            AlertRules.Surge => $"{name} surged {Signed(alert.ScoreChange)} points in 7 days",
            AlertRules.FirstEngagement => $"{name}, a tier-{alert.FitTier} account, engaged for the first time",
            _ => $"{name}: {alert.Rule}",
        };
        var score = string.Create(CultureInfo.InvariantCulture, $"AES {alert.Score:0.#} ({Signed(alert.ScoreChange)} in 7 days)");
        var band = alert.OldBand == alert.NewBand ? $"Band {Band(alert.NewBand)}" : $"Band {Band(alert.OldBand)} → {Band(alert.NewBand)}";
        var by = changedByName ?? "someone";
        var status = alert.Status switch
        {
            AlertStatus.Assigned => $"Assigned to {by}",
            AlertStatus.Snoozed => $"Snoozed for 7 days by {by}",
            AlertStatus.NotRelevant => $"Marked not relevant by {by}",
            AlertStatus.Superseded => "Superseded by a newer alert for this account",
            _ => null,
        };
        return new AlertView(alert, title, score, band, ownerName, AlertReasons.Of(alert).Take(MaxReasons).ToList(), status);
    }

    /// <summary>
    /// Computes a SHA-256 (hex) of what a message about these alerts shows that can change after
    /// it is sent: each alert's status, who changed it, and the owner.
    /// </summary>
    public static string ContentHash(IReadOnlyList<AlertView> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        var text = string.Join("\n", views.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Alert.Id}|{v.Alert.Status}|{v.StatusLine}|{v.OwnerName}")));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>One reason as text, such as "pricing page view · Jane Doe · 12.3 points".</summary>
    public static string ReasonText(AlertReason reason)
    {
        var parts = new List<string> { reason.Type.Replace('_', ' ') };
        if (!string.IsNullOrWhiteSpace(reason.ContactName))
        {
            parts.Add(reason.ContactName);
        }

        if (!string.IsNullOrWhiteSpace(reason.Detail))
        {
            parts.Add(reason.Detail);
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{reason.Points:0.#} points"));
        return string.Join(" · ", parts);
    }

    private static string Band(EngagementBand band) => band.ToString().ToLowerInvariant();

    private static string Signed(double value) => value.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture);
}
