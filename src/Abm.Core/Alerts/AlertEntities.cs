using Abm.Core.Scoring;

namespace Abm.Core.Alerts;

/// <summary>The rule names alerts and subscriptions use.</summary>
public static class AlertRules
{
    /// <summary>The confirmed AES band rose, such as warm to engaged or engaged to hot.</summary>
    public const string BandUp = "band_up";

    /// <summary>The confirmed band fell, other than a hot account cooling (off by default).</summary>
    public const string BandDown = "band_down";

    /// <summary>A hot account cooled out of the hot band.</summary>
    public const string Disengagement = "disengagement";

    /// <summary>The AES rose by at least the surge points within 7 days.</summary>
    public const string Surge = "surge";

    /// <summary>A tier-A account engaged for the first time.</summary>
    public const string FirstEngagement = "first_engagement";

    public static IReadOnlyList<string> All { get; } = [BandUp, BandDown, Disengagement, Surge, FirstEngagement];
}

/// <summary>What became of an alert after it was raised.</summary>
public enum AlertStatus
{
    Open,
    Assigned,
    Snoozed,
    NotRelevant,
    Superseded,
}

/// <summary>
/// Per-account memory of the alert rules: the confirmed band, a band waiting out its dwell, and
/// when each rule last fired. Updated in the same transaction as the alerts it produces.
/// </summary>
public sealed class AccountAlertState
{
    public required string AccountId { get; set; }

    /// <summary>The band alerts were last decided on (with hysteresis and dwell applied).</summary>
    public EngagementBand Band { get; set; }

    public double Score { get; set; }

    public DateTimeOffset EvaluatedAt { get; set; }

    /// <summary>A different band the score points to, not yet held long enough to confirm.</summary>
    public EngagementBand? PendingBand { get; set; }

    public DateTimeOffset? PendingSince { get; set; }

    /// <summary>Consecutive evaluations that pointed to <see cref="PendingBand"/>.</summary>
    public int PendingEvaluations { get; set; }

    public DateTimeOffset? LastBandAlertAt { get; set; }

    public DateTimeOffset? LastSurgeAlertAt { get; set; }

    /// <summary>Whether any scored event was seen; the first-engagement rule fires when this turns true.</summary>
    public bool HasActivity { get; set; }

    /// <summary>No alerts for the account before this instant ("Snooze 7 days").</summary>
    public DateTimeOffset? SnoozedUntil { get; set; }

    /// <summary>Optimistic concurrency: two evaluators of one account cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>One raised alert: what changed for which account, and why.</summary>
public sealed class Alert
{
    public long Id { get; set; }

    public required string AccountId { get; set; }

    /// <summary>The account name when the alert was raised.</summary>
    public required string AccountName { get; set; }

    /// <summary>One of <see cref="AlertRules"/>.</summary>
    public required string Rule { get; set; }

    /// <summary>The <see cref="AlertRulesOptions.Version"/> that decided it.</summary>
    public required string RulesVersion { get; set; }

    public EngagementBand OldBand { get; set; }

    public EngagementBand NewBand { get; set; }

    public double Score { get; set; }

    /// <summary>AES change over the last 7 days.</summary>
    public double ScoreChange { get; set; }

    public FitTier FitTier { get; set; }

    public string? OwnerId { get; set; }

    /// <summary>The top contributing events as JSON (<see cref="AlertReason"/>s); see <see cref="AlertReasons"/>.</summary>
    public string ReasonsJson { get; set; } = "[]";

    /// <summary>Urgent alerts skip quiet hours and go to the owner directly.</summary>
    public bool Urgent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public AlertStatus Status { get; set; }

    public string? StatusChangedById { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }
}

/// <summary>One event behind an alert, with its decayed points.</summary>
public sealed record AlertReason(string Type, string? Detail, string? ContactName, DateTimeOffset OccurredAt, double Points);

/// <summary>How a subscription receives alerts.</summary>
public enum DeliveryMode
{
    RealTime,
    Daily,
    Weekly,
}

/// <summary>A Teams or Slack conversation that wants alerts matching its filters.</summary>
public sealed class AlertSubscription
{
    public long Id { get; set; }

    /// <summary><c>msteams</c> or <c>slack</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>Teams conversation id (no thread suffix) or Slack channel id.</summary>
    public required string ConversationId { get; set; }

    /// <summary>Filters; null matches everything. Text filters compare case-insensitively.</summary>
    public string? Region { get; set; }

    public string? Industry { get; set; }

    /// <summary>The account owner's person id.</summary>
    public string? OwnerId { get; set; }

    /// <summary>The account owner's team.</summary>
    public string? Team { get; set; }

    /// <summary>Lowest fit tier that matches.</summary>
    public FitTier? MinFitTier { get; set; }

    /// <summary>The alert's new band must equal this one.</summary>
    public EngagementBand? Band { get; set; }

    /// <summary>One of <see cref="AlertRules"/>.</summary>
    public string? Rule { get; set; }

    public DeliveryMode Mode { get; set; }

    /// <summary>Local time of the digest (and of the release of alerts held by quiet hours), minutes after midnight. Default 08:00.</summary>
    public int DigestMinuteOfDay { get; set; } = 8 * 60;

    /// <summary>Weekday of the weekly digest. Default Monday.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>IANA time zone of the digest and quiet hours.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Quiet hours, local minutes after midnight; null for none. May wrap past midnight.</summary>
    public int? QuietStartMinute { get; set; }

    public int? QuietEndMinute { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Why delivery stopped, such as <c>channel_not_found</c>.</summary>
    public string? DisabledReason { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public string? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What an outbox row sends.</summary>
public enum OutboxKind
{
    /// <summary>A new alert message (or, with <see cref="OutboxMessage.DigestAt"/>, one line of a digest).</summary>
    Alert,

    /// <summary>Edit an already sent alert message in place after the alert's status changed.</summary>
    Update,
}

public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>Not sent and never will be: the subscription was disabled or the target is gone.</summary>
    Dropped,
}

/// <summary>
/// A message to send, written in the same transaction as the alert that caused it; the
/// dispatcher claims due rows with a lease, sends them and records where they went.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public OutboxKind Kind { get; set; }

    public long AlertId { get; set; }

    public Alert? Alert { get; set; }

    /// <summary>The subscription it is for, or null for a direct message to the account owner.</summary>
    public long? SubscriptionId { get; set; }

    /// <summary><c>msteams</c> or <c>slack</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>Teams conversation id or Slack channel id; for owner messages the Teams user id or Slack user id.</summary>
    public required string Target { get; set; }

    /// <summary>True when <see cref="Target"/> is a user to message one to one.</summary>
    public bool Direct { get; set; }

    /// <summary>The digest instant this row belongs to; null for a message of its own.</summary>
    public DateTimeOffset? DigestAt { get; set; }

    /// <summary>For <see cref="OutboxKind.Update"/>: the sent row whose message to edit.</summary>
    public long? UpdatesMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not sent before this instant: now, a digest time or a <c>Retry-After</c>.</summary>
    public DateTimeOffset DueAt { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>The dispatcher instance holding the row until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Where the message landed (Teams conversation or Slack channel), for editing it later.</summary>
    public string? SentConversationId { get; set; }

    /// <summary>Teams activity id or Slack <c>ts</c> of the sent message.</summary>
    public string? SentMessageId { get; set; }

    /// <summary>
    /// For the first row of a sent message: a SHA-256 (hex) of the alert lines its last edit
    /// showed, so an edit that would show the same lines is skipped. Null until the first edit.
    /// </summary>
    public string? EditedContentHash { get; set; }

    public string? LastError { get; set; }
}
