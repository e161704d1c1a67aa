namespace Abm.Bot.Teams;

/// <summary>Teams bot settings, bound from <c>Abm:Teams</c>.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Abm:Teams";

    /// <summary>Default OpenID metadata document of the Bot Framework token service.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuer of every token the Bot Connector sends to a bot.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>Scope of the tokens a bot sends to the Bot Connector.</summary>
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>Login host for outbound tokens; the tenant (or <c>botframework.com</c>) follows it.</summary>
    public const string LoginHost = "https://login.microsoftonline.com/";

    /// <summary>
    /// Microsoft App ID of the bot registration. Inbound tokens must have it as audience. When it is
    /// empty, authentication is off, which the host allows only when it listens on loopback.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>Client secret of the app registration (a secret: keep it in user secrets or the environment).</summary>
    public string? AppPassword { get; set; }

    /// <summary>Tenant of a single-tenant bot; empty for a multi-tenant bot.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// Bot Connector service URL for a personal chat Abm starts before any Teams conversation is
    /// stored, such as <c>https://smba.trafficmanager.net/teams/</c>. Default: none, so Abm uses the
    /// service URL of the newest stored conversation, which Teams sent with its own activity.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Where the signing keys of inbound tokens are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// Authority for outbound tokens. Default: <c>https://login.microsoftonline.com/{TenantId}</c>,
    /// or <c>…/botframework.com</c> for a multi-tenant bot.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Longest time an invoke (a card button) may take; Teams itself gives up after about 15 s. Default 10 s.</summary>
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time a message turn may take, from dequeue to the last reply sent, retries included. Default 30 s.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Message turns that run at once after being acknowledged. Default 16.</summary>
    public int TurnConcurrency { get; set; } = 16;

    /// <summary>Acknowledged turns that may wait for a worker; when full, Teams gets 503 and retries. Default 1000.</summary>
    public int TurnQueueCapacity { get; set; } = 1000;

    /// <summary>How long a Teams user's email from the members API is cached. Default 1 hour.</summary>
    public TimeSpan MemberCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Maximum size of an activity on <c>/api/messages</c>, in bytes. Default 256 KiB. Teams caps a
    /// bot message at about 100 KB of UTF-16 text (Microsoft Teams docs, "Format your bot
    /// messages"), and an inbound activity carries one user message or card submission.
    /// NOTE: Microsoft documents no limit for inbound activities, so this default is an estimate.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Default of <see cref="MaxRequestBodyBytes"/>: 256 KiB.</summary>
    public const int DefaultMaxRequestBodyBytes = 256 * 1024;

    /// <summary>True when inbound tokens are validated and outbound tokens are sent.</summary>
    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The authority outbound tokens come from.</summary>
    public string ResolveAuthority() =>
        !string.IsNullOrWhiteSpace(Authority)
            ? Authority
            : LoginHost + (string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId);
}
