using Microsoft.Extensions.Options;

namespace Abm.Bot.Slack;

/// <summary>
/// Slack settings under <c>Abm:Slack</c>. Slack is on when a signing secret, a bot token or the
/// unsigned development mode is configured; then the signing secret and the bot token are required.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Abm:Slack";

    /// <summary>Signing secret from the app's Basic Information page; checks every inbound request.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Bot token (<c>xoxb-…</c>) sent as the Web API bearer token. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// The bot's user id (<c>U…</c>). Optional: when unset, it is read from each event's
    /// <c>authorizations</c>, which name the bot user the event was delivered to.
    /// </summary>
    public string? BotUserId { get; set; }

    /// <summary>Web API base URL. Default <c>https://slack.com/api/</c>.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>
    /// Prefix every <c>response_url</c> must start with before Abm posts to it. Default
    /// <c>https://hooks.slack.com/</c>, so a forged payload cannot aim Abm's posts elsewhere.
    /// </summary>
    public Uri ResponseUrlBase { get; set; } = new("https://hooks.slack.com/");

    /// <summary>
    /// Development only: accept requests without a signature check. Works only while the host
    /// listens on loopback addresses alone, and logs a warning at start. Default false.
    /// </summary>
    public bool DangerouslyAllowUnsignedRequestsOnLoopback { get; set; }

    /// <summary>Turns waiting for a worker; when full, events get 503 so Slack delivers them again. Default 1000.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// Turns run at the same time. Default 64: a turn mostly waits for the Web API, and receipts
    /// of turns that start together are stored in one statement, so a small number caps throughput.
    /// </summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>Time one turn (answer and post) may take before it is cancelled. Default 30 seconds.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long processed event ids are kept; Slack retries for about 6 minutes. Default 1 day.</summary>
    public TimeSpan ProcessedEventRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a Slack user's match to a person is cached. Default 1 hour.</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Web API retries after HTTP 429 (waiting for <c>Retry-After</c>), 5xx or network failures, from 1 to 10. Default 3.</summary>
    public int MaxApiRetries { get; set; } = 3;

    /// <summary>Time one Web API attempt may take. Default 10 seconds.</summary>
    public TimeSpan ApiAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Maximum size of an inbound request body, in bytes. Default 1 MiB. Events and slash commands
    /// are a few KB, but a modal submission carries the whole view (Slack rejects views over
    /// 250 KB) as URL-encoded JSON, where each escaped character takes three bytes.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>True when any Slack setting is configured, which turns Slack on.</summary>
    public bool IsEnabled =>
        !string.IsNullOrEmpty(SigningSecret) || !string.IsNullOrEmpty(BotToken) || DangerouslyAllowUnsignedRequestsOnLoopback;
}

/// <summary>Checks <see cref="SlackOptions"/> at start; each failure names the key, the value and the fix.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    private const string Prefix = SlackOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.SigningSecret) && !options.DangerouslyAllowUnsignedRequestsOnLoopback)
        {
            failures.Add($"{Prefix}SigningSecret is missing, so inbound Slack requests cannot be verified. " +
                "Set it to the signing secret on the Slack app's Basic Information page (user secrets or the environment variable Abm__Slack__SigningSecret).");
        }

        if (string.IsNullOrEmpty(options.BotToken))
        {
            failures.Add($"{Prefix}BotToken is missing, so Abm cannot post answers. " +
                "Set it to the xoxb- bot token from the Slack app's OAuth & Permissions page.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || !options.ApiBaseUrl.AbsolutePath.EndsWith('/'))
        {
            failures.Add($"{Prefix}ApiBaseUrl '{options.ApiBaseUrl}' is invalid: use an absolute URL ending in '/', such as https://slack.com/api/.");
        }

        if (!options.ResponseUrlBase.IsAbsoluteUri)
        {
            failures.Add($"{Prefix}ResponseUrlBase '{options.ResponseUrlBase}' is invalid: use an absolute URL, such as https://hooks.slack.com/.");
        }

        AddIfOutOfRange(failures, "QueueCapacity", options.QueueCapacity, 1, 1_000_000);
        AddIfOutOfRange(failures, "Concurrency", options.Concurrency, 1, 256);
        AddIfOutOfRange(failures, "MaxApiRetries", options.MaxApiRetries, 1, 10);
        AddIfOutOfRange(failures, "MaxRequestBodyBytes", options.MaxRequestBodyBytes, 1024, 64 * 1024 * 1024);
        AddIfNotPositive(failures, "TurnTimeout", options.TurnTimeout);
        AddIfNotPositive(failures, "ProcessedEventRetention", options.ProcessedEventRetention);
        AddIfNotPositive(failures, "UserCacheDuration", options.UserCacheDuration);
        AddIfNotPositive(failures, "ApiAttemptTimeout", options.ApiAttemptTimeout);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfOutOfRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add(FormattableString.Invariant($"{Prefix}{key} is {value}: use a whole number from {min} to {max}."));
        }
    }

    private static void AddIfNotPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add(FormattableString.Invariant($"{Prefix}{key} is {value}: use a positive duration, such as 00:00:30."));
        }
    }
}
