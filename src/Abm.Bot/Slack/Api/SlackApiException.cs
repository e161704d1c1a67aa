namespace Abm.Bot.Slack.Api;

/// <summary>
/// A Web API call that Slack answered with <c>ok: false</c>. Callers act on <see cref="Error"/>:
/// <c>invalid_blocks</c> and <c>msg_too_long</c> are retried as plain text, the rest are logged.
/// </summary>
public sealed class SlackApiException(string method, string error, IReadOnlyList<string> details)
    : Exception($"Slack {method} failed with '{error}'.")
{
    /// <summary>Web API method, such as <c>chat.postMessage</c>.</summary>
    public string Method { get; } = method;

    /// <summary>Slack's error code, such as <c>channel_not_found</c>.</summary>
    public string Error { get; } = error;

    /// <summary>Slack's <c>response_metadata.messages</c>, which point at the invalid part of the request.</summary>
    public IReadOnlyList<string> Details { get; } = details;
}
