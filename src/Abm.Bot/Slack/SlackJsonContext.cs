using System.Text.Json.Serialization;
using Abm.Bot.Slack.Api;
using Abm.Bot.Slack.BlockKit;
using Abm.Bot.Slack.Inbound;

namespace Abm.Bot.Slack;

/// <summary>Source-generated JSON for every Slack body Abm reads or writes: snake_case names, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(SlackEnvelope))]
[JsonSerializable(typeof(SlackInteraction))]
[JsonSerializable(typeof(SlackButtonValue))]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(ModalView))]
[JsonSerializable(typeof(OptionsResponse))]
[JsonSerializable(typeof(ViewSubmissionErrors))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(UpdateMessageRequest))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(OpenViewRequest))]
[JsonSerializable(typeof(OpenConversationRequest))]
[JsonSerializable(typeof(ResponseUrlMessage))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(EphemeralResponse))]
[JsonSerializable(typeof(ViewResponse))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(UserInfoResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
