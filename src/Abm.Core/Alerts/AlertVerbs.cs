using Abm.Core.Answers;
using Abm.Core.TargetList;

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

    /// <summary>The actions an open alert offers. Proposing an account that is already a target gets a message saying so.</summary>
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
            WorkflowVerbs.ProposeAction(alert.AccountId),
            WorkflowVerbs.ChoosePlaybookAction(alert.AccountId),
        ];
    }
}
