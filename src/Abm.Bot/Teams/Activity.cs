using System.Text.Json;
using System.Text.Json.Serialization;

namespace Abm.Bot.Teams;

/// <summary>
/// A Bot Framework activity as Teams sends it and as Abm sends replies. Only the fields Abm reads
/// or writes are typed; everything else lands in <see cref="ExtensionData"/> and survives a round trip.
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type: <c>message</c>, <c>invoke</c>, <c>conversationUpdate</c>, <c>installationUpdate</c> and others.</summary>
    public string? Type { get; set; }

    public string? Id { get; set; }

    /// <summary>Base URI of the Bot Connector that handles this conversation; replies go there.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary><c>msteams</c> for Teams; the signing key must be endorsed for it.</summary>
    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    /// <summary>The invoke name, such as <c>adaptiveCard/action</c>; Teams leaves it out for some invokes.</summary>
    public string? Name { get; set; }

    /// <summary><c>add</c> or <c>remove</c> on an <c>installationUpdate</c>.</summary>
    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    /// <summary>The invoke payload, or the data of an <c>Action.Submit</c> on a message.</summary>
    public JsonElement? Value { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public List<Entity>? Entities { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A user or bot in a conversation. The members API adds the email and UPN.</summary>
public sealed class ChannelAccount
{
    /// <summary>Teams user id (<c>29:…</c>) or bot id (<c>28:…</c>).</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The Entra object id of a user.</summary>
    public string? AadObjectId { get; set; }

    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    /// <summary>Conversation id; in a channel it can name a thread with <c>;messageid=…</c>.</summary>
    public string? Id { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    public bool? IsGroup { get; set; }

    public string? TenantId { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A file or card attached to a message.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }

    /// <summary>The card object when sending; a <see cref="JsonElement"/> when received.</summary>
    public object? Content { get; set; }

    public string? Name { get; set; }
}

/// <summary>Extra data on an activity: a <c>mention</c>, <c>clientInfo</c> and others.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    /// <summary>Who a <c>mention</c> names.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>The mention as it appears in the message text, such as <c>&lt;at&gt;Abm&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The Teams-specific part of an activity.</summary>
public sealed class TeamsChannelData
{
    public TeamsEntity? Tenant { get; set; }

    public TeamsEntity? Team { get; set; }

    public TeamsEntity? Channel { get; set; }

    /// <summary>What a <c>conversationUpdate</c> reports, such as <c>teamMemberAdded</c> or <c>channelCreated</c>.</summary>
    public string? EventType { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A tenant, team or channel reference in <see cref="TeamsChannelData"/>.</summary>
public sealed class TeamsEntity
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The Bot Connector's response to a send: the new activity's id.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>Activity types and invoke names Abm handles.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>JSON settings for the activity protocol: camelCase, case-insensitive reads, nulls left out.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Cards in attachments keep their own JSON settings (enum strings, for one).
        Converters = { new Cards.EmbeddedCardConverter() },
    };
}
