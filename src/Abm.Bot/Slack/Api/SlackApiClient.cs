using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Abm.Bot.Slack.BlockKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Slack.Api;

/// <summary>
/// Typed client for the Slack Web API methods Abm calls. The bearer token goes only to the
/// configured API base URL; retries after 429 and transient failures come from the resilience
/// handler registered with the client. <c>ok: false</c> throws <see cref="SlackApiException"/>.
/// </summary>
public sealed class SlackApiClient(HttpClient httpClient, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger)
{
    private readonly SlackOptions _options = options.Value;

    public Task<MessageResponse> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken) =>
        CallJsonAsync(
            "chat.postMessage",
            new PostMessageRequest(channel, message.Text, NullIfEmpty(message.Blocks), threadTs),
            SlackJsonContext.Default.PostMessageRequest,
            SlackJsonContext.Default.MessageResponse,
            cancellationToken);

    public Task<MessageResponse> UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken) =>
        CallJsonAsync(
            "chat.update",
            new UpdateMessageRequest(channel, ts, message.Text, message.Blocks),
            SlackJsonContext.Default.UpdateMessageRequest,
            SlackJsonContext.Default.MessageResponse,
            cancellationToken);

    public Task<EphemeralResponse> PostEphemeralAsync(
        string channel, string user, SlackMessage message, string? threadTs, CancellationToken cancellationToken) =>
        CallJsonAsync(
            "chat.postEphemeral",
            new PostEphemeralRequest(channel, user, message.Text, NullIfEmpty(message.Blocks), threadTs),
            SlackJsonContext.Default.PostEphemeralRequest,
            SlackJsonContext.Default.EphemeralResponse,
            cancellationToken);

    public Task<ViewResponse> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken) =>
        CallJsonAsync(
            "views.open",
            new OpenViewRequest(triggerId, view),
            SlackJsonContext.Default.OpenViewRequest,
            SlackJsonContext.Default.ViewResponse,
            cancellationToken);

    /// <summary>Opens (or finds) the direct message channel with a user and returns its id.</summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await CallJsonAsync(
            "conversations.open",
            new OpenConversationRequest(userId),
            SlackJsonContext.Default.OpenConversationRequest,
            SlackJsonContext.Default.ConversationResponse,
            cancellationToken);
        return response.Channel?.Id ?? throw new SlackApiException("conversations.open", "missing_channel", []);
    }

    /// <summary>Reads a user's profile; <c>users.info</c> takes form arguments, not JSON.</summary>
    public async Task<SlackUserInfo> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("user", userId)]);
        var response = await SendAsync("users.info", content, SlackJsonContext.Default.UserInfoResponse, cancellationToken);
        return response.User ?? throw new SlackApiException("users.info", "missing_user", []);
    }

    /// <summary>Posts to an interaction's <c>response_url</c>. It carries its own authorization, so no token is sent.</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken)
    {
        using var content = JsonContent(message, SlackJsonContext.Default.ResponseUrlMessage);
        using var response = await httpClient.PostAsync(responseUrl, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Log.SlackResponseUrlFailed(logger, (int)response.StatusCode);
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<TResponse> CallJsonAsync<TRequest, TResponse>(
        string method,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        using var content = JsonContent(body, requestType);
        return await SendAsync(method, content, responseType, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TResponse>(
        string method, HttpContent content, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.ApiBaseUrl, method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);

        using var response = await httpClient.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Log.SlackApiHttpFailure(logger, method, (int)response.StatusCode);
            response.EnsureSuccessStatusCode();
        }

        var result = await response.Content.ReadFromJsonAsync(responseType, cancellationToken)
            ?? throw new SlackApiException(method, "empty_response", []);
        if (!result.Ok)
        {
            var error = string.IsNullOrEmpty(result.Error) ? "unknown_error" : result.Error;
            Log.SlackApiError(logger, method, error);
            throw new SlackApiException(method, error, result.ResponseMetadata?.Messages ?? []);
        }

        return result;
    }

    private static ByteArrayContent JsonContent<T>(T body, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, type));
        content.Headers.ContentType = new MediaTypeHeaderValue(MediaTypeNames.Application.Json, Encoding.UTF8.WebName);
        return content;
    }

    private static IReadOnlyList<Block>? NullIfEmpty(IReadOnlyList<Block> blocks) => blocks.Count == 0 ? null : blocks;
}
