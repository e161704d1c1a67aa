using Abm.Bot.Slack.BlockKit;

namespace Abm.Bot.Slack.Api;

// Web API request and response bodies, written and read with snake_case names (SlackJson).

public sealed record PostMessageRequest(string Channel, string Text, IReadOnlyList<Block>? Blocks, string? ThreadTs);

public sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<Block>? Blocks);

public sealed record PostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block>? Blocks, string? ThreadTs);

public sealed record OpenViewRequest(string TriggerId, ModalView View);

public sealed record OpenConversationRequest(string Users);

/// <summary>A message for a <c>response_url</c>; Slack shows it only to the user unless <see cref="ResponseType"/> is <c>in_channel</c>.</summary>
public sealed record ResponseUrlMessage(string Text, IReadOnlyList<Block>? Blocks, string? ResponseType, bool? ReplaceOriginal);

/// <summary>Every Web API response: <c>ok</c>, and <c>error</c> when it is false.</summary>
public class SlackApiResponse
{
    public bool Ok { get; set; }

    public string? Error { get; set; }

    public string? Warning { get; set; }

    public SlackResponseMetadata? ResponseMetadata { get; set; }
}

public sealed class SlackResponseMetadata
{
    public List<string>? Messages { get; set; }
}

/// <summary>Response of <c>chat.postMessage</c> and <c>chat.update</c>: keep channel and ts to update the message later.</summary>
public sealed class MessageResponse : SlackApiResponse
{
    public string? Channel { get; set; }

    public string? Ts { get; set; }
}

public sealed class EphemeralResponse : SlackApiResponse
{
    public string? MessageTs { get; set; }
}

public sealed class ViewResponse : SlackApiResponse
{
    public SlackViewInfo? View { get; set; }
}

public sealed class SlackViewInfo
{
    public string? Id { get; set; }
}

public sealed class ConversationResponse : SlackApiResponse
{
    public SlackConversation? Channel { get; set; }
}

public sealed class SlackConversation
{
    public string? Id { get; set; }
}

public sealed class UserInfoResponse : SlackApiResponse
{
    public SlackUserInfo? User { get; set; }
}

public sealed class SlackUserInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool IsBot { get; set; }

    public SlackUserProfile? Profile { get; set; }
}

public sealed class SlackUserProfile
{
    /// <summary>Present only with the <c>users:read.email</c> scope.</summary>
    public string? Email { get; set; }

    public string? RealName { get; set; }

    public string? DisplayName { get; set; }
}
