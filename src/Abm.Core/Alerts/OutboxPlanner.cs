using Abm.Core.Domain;

namespace Abm.Core.Alerts;

/// <summary>Fans an alert out to the subscriptions whose filters match it and, when urgent, to the account owner.</summary>
public sealed class OutboxPlanner(AlertRulesOptions options)
{
    /// <summary>Chat service names used in subscriptions and outbox rows.</summary>
    public const string Teams = "msteams";

    public const string Slack = "slack";

    /// <summary>Whether a subscription's filters all match the alert.</summary>
    public static bool Matches(AlertSubscription subscription, Alert alert, Account account, Person? owner) =>
        subscription.Enabled
        && Same(subscription.Region, account.Region)
        && Same(subscription.Industry, account.Industry)
        && Same(subscription.OwnerId, account.OwnerId)
        && Same(subscription.Team, owner?.Team)
        && (subscription.MinFitTier is not { } tier || alert.FitTier >= tier)
        && (subscription.Band is not { } band || alert.NewBand == band)
        && Same(subscription.Rule, alert.Rule);

    /// <summary>Returns the outbox rows for a new alert (not yet added to a context).</summary>
    public IEnumerable<OutboxMessage> Plan(Alert alert, Account account, Person? owner, IEnumerable<AlertSubscription> subscriptions, DateTimeOffset now)
    {
        foreach (var subscription in subscriptions)
        {
            if (!Matches(subscription, alert, account, owner))
            {
                continue;
            }

            var (dueAt, digestAt) = DeliverySchedule.Plan(subscription, alert.Urgent, now);
            yield return new OutboxMessage
            {
                Kind = OutboxKind.Alert,
                Alert = alert,
                SubscriptionId = subscription.Id,
                Channel = subscription.Channel,
                Target = subscription.ConversationId,
                CreatedAt = now,
                DueAt = dueAt,
                DigestAt = digestAt,
            };
        }

        if (!alert.Urgent || !options.NotifyOwnerOnUrgent || owner is null)
        {
            yield break;
        }

        if (!string.IsNullOrEmpty(owner.TeamsUserId))
        {
            yield return Direct(alert, Teams, owner.TeamsUserId, now);
        }

        if (!string.IsNullOrEmpty(owner.SlackUserId))
        {
            yield return Direct(alert, Slack, owner.SlackUserId, now);
        }
    }

    private static OutboxMessage Direct(Alert alert, string channel, string userId, DateTimeOffset now) => new()
    {
        Kind = OutboxKind.Alert,
        Alert = alert,
        Channel = channel,
        Target = userId,
        Direct = true,
        CreatedAt = now,
        DueAt = now,
    };

    private static bool Same(string? filter, string? value) =>
        filter is null || string.Equals(filter.Trim(), value?.Trim(), StringComparison.OrdinalIgnoreCase);
}
