namespace Abm.Bot.Slack.Inbound;

// Inbound payloads, read with snake_case names (SlackJson). Only the fields Abm uses are
// declared; Slack adds fields over time and unknown ones are ignored.

/// <summary>The outer Events API body: <c>url_verification</c>, <c>event_callback</c> or <c>app_rate_limited</c>.</summary>
public sealed class SlackEnvelope
{
    public string? Type { get; set; }

    public string? Challenge { get; set; }

    public string? TeamId { get; set; }

    public string? ApiAppId { get; set; }

    public string? EventId { get; set; }

    public SlackEvent? Event { get; set; }

    public List<SlackAuthorization>? Authorizations { get; set; }
}

/// <summary>Who an event was delivered to; for a bot installation, <see cref="UserId"/> is the bot user.</summary>
public sealed class SlackAuthorization
{
    public string? TeamId { get; set; }

    public string? UserId { get; set; }

    public bool IsBot { get; set; }
}

/// <summary>The inner event of an <c>event_callback</c>: <c>app_mention</c> or <c>message</c>.</summary>
public sealed class SlackEvent
{
    public string? Type { get; set; }

    public string? Subtype { get; set; }

    public string? User { get; set; }

    public string? BotId { get; set; }

    public string? Text { get; set; }

    /// <summary>Message timestamp; a string id such as <c>1515449522.000016</c>, never a number.</summary>
    public string? Ts { get; set; }

    public string? ThreadTs { get; set; }

    public string? Channel { get; set; }

    /// <summary><c>im</c>, <c>mpim</c>, <c>channel</c> or <c>group</c>; absent on <c>app_mention</c>.</summary>
    public string? ChannelType { get; set; }

    public string? Team { get; set; }
}

/// <summary>The <c>payload</c> form field of an interactivity request.</summary>
public sealed class SlackInteraction
{
    public string? Type { get; set; }

    public SlackUser? User { get; set; }

    public SlackTeam? Team { get; set; }

    public string? TriggerId { get; set; }

    public SlackContainer? Container { get; set; }

    public SlackChannelRef? Channel { get; set; }

    public SlackMessageRef? Message { get; set; }

    public string? ResponseUrl { get; set; }

    public List<SlackAction>? Actions { get; set; }

    public SlackView? View { get; set; }

    /// <summary>For <c>block_suggestion</c>: the select whose options Slack requests.</summary>
    public string? ActionId { get; set; }

    /// <summary>For <c>block_suggestion</c>: the text the user typed so far.</summary>
    public string? Value { get; set; }
}

public sealed class SlackUser
{
    public string? Id { get; set; }

    public string? Username { get; set; }

    public string? Name { get; set; }

    public string? TeamId { get; set; }
}

public sealed class SlackTeam
{
    public string? Id { get; set; }
}

/// <summary>Where the clicked element sits: a message (<c>message_ts</c>, <c>channel_id</c>) or a view.</summary>
public sealed class SlackContainer
{
    public string? Type { get; set; }

    public string? MessageTs { get; set; }

    public string? ThreadTs { get; set; }

    public string? ChannelId { get; set; }

    public bool IsEphemeral { get; set; }

    public string? ViewId { get; set; }
}

public sealed class SlackChannelRef
{
    public string? Id { get; set; }
}

public sealed class SlackMessageRef
{
    public string? Ts { get; set; }

    public string? ThreadTs { get; set; }
}

/// <summary>One clicked element of a <c>block_actions</c> payload.</summary>
public sealed class SlackAction
{
    public string? ActionId { get; set; }

    public string? BlockId { get; set; }

    public string? Type { get; set; }

    public string? Value { get; set; }

    public string? ActionTs { get; set; }
}

/// <summary>A modal as it comes back in <c>view_submission</c> and <c>view_closed</c>.</summary>
public sealed class SlackView
{
    public string? Id { get; set; }

    public string? CallbackId { get; set; }

    public string? PrivateMetadata { get; set; }

    public string? Hash { get; set; }

    public SlackViewState? State { get; set; }
}

public sealed class SlackViewState
{
    /// <summary>Input values by block id, then by action id.</summary>
    public Dictionary<string, Dictionary<string, SlackStateValue>>? Values { get; set; }
}

public sealed class SlackStateValue
{
    public string? Type { get; set; }

    public string? Value { get; set; }

    /// <summary>The chosen option of a select menu.</summary>
    public SlackSelectedOption? SelectedOption { get; set; }
}

public sealed class SlackSelectedOption
{
    public string? Value { get; set; }
}

/// <summary>The form fields of a slash command request.</summary>
public sealed record SlackSlashCommand(
    string? TeamId,
    string? ChannelId,
    string? UserId,
    string? UserName,
    string? Command,
    string Text,
    string? ResponseUrl,
    string? TriggerId);
