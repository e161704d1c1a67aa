namespace Abm.Core.Domain;

/// <summary>
/// Where the bot can post without being asked: a chat or channel it was installed in or spoken to,
/// with what a proactive message needs (the service URL, the tenant, the bot's own id).
/// </summary>
public sealed class ConversationReference
{
    /// <summary>The chat service: <c>msteams</c> (Slack keeps its own ids).</summary>
    public required string Channel { get; set; }

    /// <summary>The conversation id without a thread suffix (<c>;messageid=…</c>); with <see cref="Channel"/> the key.</summary>
    public required string ConversationId { get; set; }

    /// <summary>The Bot Connector base URI Teams gave for this conversation; refreshed on every activity.</summary>
    public required string ServiceUrl { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    /// <summary>The team's id for a channel conversation.</summary>
    public string? TeamId { get; set; }

    /// <summary>The channel's id for a channel conversation.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The bot's id in this conversation (<c>28:…</c>).</summary>
    public string? BotId { get; set; }

    /// <summary>The user of a personal conversation (<c>29:…</c>); null in group chats and channels.</summary>
    public string? UserId { get; set; }

    /// <summary>False once the bot was removed; proactive messages skip inactive references.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }
}
