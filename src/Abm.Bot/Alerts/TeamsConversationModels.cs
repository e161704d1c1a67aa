using System.Text.Json.Serialization;

namespace Abm.Bot.Teams;

/// <summary>The body of the Bot Connector's create-conversation call (<c>POST v3/conversations</c>).</summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public List<ChannelAccount> Members { get; set; } = [];

    public string? TenantId { get; set; }

    /// <summary>Teams reads the tenant from <c>channelData.tenant.id</c>.</summary>
    public TeamsChannelData? ChannelData { get; set; }
}

/// <summary>What create-conversation returns: the new conversation's id.</summary>
public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ActivityId { get; set; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; set; }
}
