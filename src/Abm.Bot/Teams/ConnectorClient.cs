using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Teams;

/// <summary>
/// The Bot Connector REST API (v3) at a conversation's service URL: send, reply, update and
/// member lookups. Every call carries the bot's token when authentication is on; retries on
/// 429 and 5xx (honouring <c>Retry-After</c>) come from the resilience handler on the HTTP client.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens, ILogger<ConnectorClient> logger)
{
    /// <summary>Replies to an activity; in a channel the reply lands in the activity's thread.</summary>
    public Task<ResourceResponse?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", "reply", reply, cancellationToken);

    /// <summary>Posts an activity to a conversation without replying to a particular one.</summary>
    public Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", "send", activity, cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier, such as a card whose state changed.</summary>
    public Task<ResourceResponse?> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", "update", activity, cancellationToken);

    /// <summary>Starts a conversation, such as a personal chat with a user who never wrote to the bot; returns its id.</summary>
    public Task<ConversationResourceResponse?> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", "create", parameters, cancellationToken);

    /// <summary>Returns one member of a conversation, with the email and UPN Teams knows.</summary>
    public Task<ChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken) =>
        SendAsync<ChannelAccount>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}", "member", null, cancellationToken);

    private async Task<T?> SendAsync<T>(HttpMethod method, string serviceUrl, string path, string operation, object? body, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri(serviceUrl), path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ActivityJson.Options);
        }

        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;

        if (!response.IsSuccessStatusCode)
        {
            var errorCode = await ReadErrorCodeAsync(response, cancellationToken);
            Log.ConnectorCallFailed(logger, method.Method, operation, (int)response.StatusCode, errorCode, operationId);
            throw new HttpRequestException(
                $"The Bot Connector returned {(int)response.StatusCode} {errorCode} for {method.Method} {operation} (operation id {operationId}).",
                inner: null,
                response.StatusCode);
        }

        T? result = null;
        if (response.Content.Headers.ContentLength is not 0 && response.StatusCode != System.Net.HttpStatusCode.NoContent)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(text))
            {
                result = JsonSerializer.Deserialize<T>(text, ActivityJson.Options);
            }
        }

        Log.ConnectorCallSucceeded(logger, method.Method, operation, (int)response.StatusCode, (result as ResourceResponse)?.Id);
        return result;
    }

    /// <summary>The service URL as a base URI that ends in a slash, so relative paths append to it.</summary>
    private static Uri BaseUri(string serviceUrl) =>
        new(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
