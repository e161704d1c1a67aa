using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Abm.Bot.Teams;

/// <summary>Supplies the bearer token the bot sends to the Bot Connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>Returns an access token, or null when authentication is off.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials tokens from Microsoft Entra ID through MSAL, for the scope
/// <c>https://api.botframework.com/.default</c>. MSAL caches each token and renews it before expiry,
/// and this class also keeps the current token until <see cref="RenewBefore"/> ahead of its expiry,
/// because asking MSAL's cache on every outbound call cost a noticeable share of a turn under load.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly string _authority;
    private readonly Lazy<IConfidentialClientApplication>? _application;
    private readonly ILogger<MsalBotTokenProvider> _logger;
    private readonly TimeProvider _time;
    private CachedToken? _current;

    /// <summary>How long before its expiry a cached token goes back to MSAL for renewal.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    public MsalBotTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<MsalBotTokenProvider> logger)
    {
        _time = time;
        var settings = options.Value;
        _authority = settings.ResolveAuthority();
        _logger = logger;

        if (settings.AuthenticationEnabled)
        {
            _application = new Lazy<IConfidentialClientApplication>(() => ConfidentialClientApplicationBuilder
                .Create(settings.AppId)
                .WithClientSecret(settings.AppPassword)
                .WithAuthority(_authority, validateAuthority: false)
                .WithInstanceDiscovery(false)
                .WithHttpClientFactory(new NamedHttpClientFactory(httpClientFactory))
                .Build());
        }
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_application is null)
        {
            return null;
        }

        var cached = Volatile.Read(ref _current);
        if (cached is not null && _time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Value;
        }

        var result = await _application.Value
            .AcquireTokenForClient([TeamsOptions.BotFrameworkScope])
            .ExecuteAsync(cancellationToken);

        Log.OutboundTokenAcquired(_logger, _authority, result.AuthenticationResultMetadata.TokenSource == TokenSource.Cache);
        var renewAt = result.AuthenticationResultMetadata.RefreshOn is { } refreshOn && refreshOn < result.ExpiresOn - RenewBefore
            ? refreshOn
            : result.ExpiresOn - RenewBefore;
        Volatile.Write(ref _current, new CachedToken(result.AccessToken, renewAt));
        return result.AccessToken;
    }

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);

    /// <summary>Hands MSAL the named <see cref="HttpClientNames.Login"/> client, so tests can point it at a loopback token endpoint.</summary>
    private sealed class NamedHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientNames.Login);
    }
}
