using Abm.Core.Answers;

namespace Abm.Core.Alerts;

/// <summary>The card buttons of an alert; Teams and Slack send the verb and data back unchanged.</summary>
public static class AlertVerbs
{
    public const string Assign = "alert.assign";
    public const string Snooze = "alert.snooze";
    public const string NotRelevant = "alert.dismiss";

    /// <summary>The data key that names the alert.</summary>
    public const string AlertIdKey = "alertId";

    /// <summary>How long "Snooze 7 days" silences the account's alerts.</summary>
    public static readonly TimeSpan SnoozeFor = TimeSpan.FromDays(7);

    /// <summary>The four actions an open alert offers.</summary>
    public static IReadOnlyList<ReplyAction> For(Alert alert)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AlertIdKey] = alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ReplyVerbs.AccountIdKey] = alert.AccountId,
        };
        return
        [
            new ReplyAction(Assign, "Assign to me", data),
            new ReplyAction(Snooze, "Snooze 7 days", data),
            new ReplyAction(NotRelevant, "Not relevant", data),
            ReplyVerbs.ForAccount(ReplyVerbs.Summary, "Open account", alert.AccountId),
        ];
    }
}
