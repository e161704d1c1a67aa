using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Abm.Bot.Teams;

/// <summary>The outcome of checking an inbound request's token: an HTTP status and, on failure, why.</summary>
/// <param name="StatusCode">200 when the request may be processed, else 401, 403 or 503.</param>
/// <param name="Reason">Why the request was rejected, for the log and the response body; null on success.</param>
internal sealed record TokenCheck(int StatusCode, string? Reason)
{
    public static TokenCheck Accepted { get; } = new(StatusCodes.Status200OK, null);

    public bool Succeeded => StatusCode == StatusCodes.Status200OK;

    public static TokenCheck Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, reason);
}

/// <summary>A token whose issuer, audience, lifetime and signature are valid, and the key that signed it.</summary>
internal sealed record ValidatedToken(JsonWebToken Token, JsonWebKey? SigningKey);

/// <summary>
/// Validates the Bot Connector's JWT the way the Bot Framework specifies: OpenID metadata and keys,
/// issuer <c>https://api.botframework.com</c>, audience = app id, lifetime with 5 minutes of clock
/// skew, RS256 signature; then the signing key's endorsement for the activity's channel and the
/// <c>serviceurl</c> claim against the activity.
/// </summary>
internal sealed class BotTokenValidator : IDisposable
{
    /// <summary>The header, the metadata and real tokens all use this claim name for the service URL.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Least time between two fetches forced by an unknown key id, so random key ids cannot flood the metadata server.</summary>
    private static readonly TimeSpan ForcedFetchInterval = TimeSpan.FromSeconds(30);

    private readonly TeamsOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly HttpDocumentRetriever _retriever;
    private readonly SemaphoreSlim _forcedFetch = new(1, 1);
    private OpenIdConnectConfiguration? _forced;
    private long _forcedAt;
    private readonly ConcurrentDictionary<string, CachedValidation> _validated = new(StringComparer.Ordinal);

    /// <summary>How long a validated token is taken on trust before its signature is checked again.</summary>
    /// <remarks>
    /// The channel sends the same token with every activity until it renews it, so most requests
    /// would verify an RSA signature that was verified moments before. A token stays cached until
    /// it expires (plus the clock skew) or for this long, whichever comes first. The cost: a
    /// signing key removed from the metadata still admits tokens it signed for up to this long.
    /// </remarks>
    public static readonly TimeSpan ValidationCacheDuration = TimeSpan.FromMinutes(5);

    /// <summary>Past this many cached tokens the cache starts afresh.</summary>
    private const int ValidationCacheCapacity = 10_000;

    public BotTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory, ILogger<BotTokenValidator> logger)
    {
        _options = options.Value;
        _logger = logger;

        var metadataUri = new Uri(_options.OpenIdMetadataUrl);
        _retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientNames.OpenId))
        {
            // The options validator allows http only for a loopback metadata server (tests).
            RequireHttps = !metadataUri.IsLoopback,
        };

        // The Bot Framework requires refreshing the keys at least once every 24 hours; 12 hours is the library default.
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), _retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }

    /// <summary>Checks the <c>Authorization</c> header's bearer token, before the body is read.</summary>
    public async Task<(TokenCheck Check, ValidatedToken? Token)> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string Scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (TokenCheck.Unauthorized("the Authorization header with a bearer token is missing"), null);
        }

        var raw = authorization[Scheme.Length..].Trim();

        // The token library checks lifetimes against the system clock, so the cache does too,
        // even when the host runs on a frozen clock for demo data.
        var now = TimeProvider.System.GetUtcNow();
        if (_validated.TryGetValue(raw, out var cached))
        {
            if (now < cached.Until)
            {
                return (TokenCheck.Accepted, cached.Token);
            }

            _validated.TryRemove(raw, out _);
        }

        if (!_handler.CanReadToken(raw))
        {
            return (TokenCheck.Unauthorized("the bearer token is not a well-formed JWT"), null);
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return (TokenCheck.Unauthorized("the bearer token is not a well-formed JWT"), null);
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await FindConfigurationAsync(unvalidated.Kid, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException)
        {
            Log.MetadataUnavailable(_logger, _options.OpenIdMetadataUrl, exception);
            return (new TokenCheck(StatusCodes.Status503ServiceUnavailable, "the signing keys could not be loaded"), null);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = TeamsOptions.BotFrameworkIssuer,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
        };

        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            return (TokenCheck.Unauthorized(DescribeFailure(result.Exception)), null);
        }

        var validated = new ValidatedToken((JsonWebToken)result.SecurityToken, FindKey(configuration, unvalidated.Kid));
        Remember(raw, validated, now);
        return (TokenCheck.Accepted, validated);
    }

    private void Remember(string raw, ValidatedToken token, DateTimeOffset now)
    {
        var expires = new DateTimeOffset(DateTime.SpecifyKind(token.Token.ValidTo, DateTimeKind.Utc)) + ClockSkew;
        var until = now + ValidationCacheDuration < expires ? now + ValidationCacheDuration : expires;
        if (_validated.Count >= ValidationCacheCapacity)
        {
            _validated.Clear();
        }

        _validated[raw] = new CachedValidation(token, until);
    }

    private sealed record CachedValidation(ValidatedToken Token, DateTimeOffset Until);

    /// <summary>
    /// Checks the validated token against the activity it came with: the signing key must be
    /// endorsed for the activity's channel (else 403, as the Bot Framework requires), and the
    /// <c>serviceurl</c> claim must name the activity's service URL. A mismatch there gets 401,
    /// like any other token that does not authenticate this request, because it means the token
    /// was issued for another connector. The comparison ignores case and a trailing slash.
    /// </summary>
    public TokenCheck CheckActivity(ValidatedToken token, Activity activity)
    {
        var endorsements = ReadEndorsements(token.SigningKey);
        if (activity.ChannelId is null || !endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            Log.EndorsementMissing(_logger, token.SigningKey?.Kid, activity.ChannelId);
            return new TokenCheck(StatusCodes.Status403Forbidden, "the signing key is not endorsed for the activity's channel");
        }

        var claimed = token.Token.TryGetPayloadValue<string>(ServiceUrlClaim, out var value) ? value : null;
        if (claimed is null || activity.ServiceUrl is null || !SameServiceUrl(claimed, activity.ServiceUrl))
        {
            return TokenCheck.Unauthorized("the serviceurl claim does not match the activity's serviceUrl");
        }

        return TokenCheck.Accepted;
    }

    /// <summary>
    /// Returns the metadata that holds the token's key. New keys can appear at any time, so an
    /// unknown key id fetches the metadata and keys again at once (at most every 30 seconds)
    /// instead of waiting for the configuration manager's background refresh.
    /// </summary>
    private async Task<OpenIdConnectConfiguration> FindConfigurationAsync(string? keyId, CancellationToken cancellationToken)
    {
        var cached = await _metadata.GetConfigurationAsync(cancellationToken);
        if (keyId is null || FindKey(cached, keyId) is not null)
        {
            return cached;
        }

        if (Volatile.Read(ref _forced) is { } forced && FindKey(forced, keyId) is not null)
        {
            return forced;
        }

        await _forcedFetch.WaitAsync(cancellationToken);
        try
        {
            var fetchedBefore = Volatile.Read(ref _forced) is not null;
            if (fetchedBefore && Environment.TickCount64 - Volatile.Read(ref _forcedAt) < (long)ForcedFetchInterval.TotalMilliseconds)
            {
                return Volatile.Read(ref _forced) ?? cached;
            }

            Log.SigningKeysRefreshRequested(_logger, keyId);
            Volatile.Write(ref _forcedAt, Environment.TickCount64);
            var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(_options.OpenIdMetadataUrl, _retriever, cancellationToken);
            Volatile.Write(ref _forced, fresh);
            _metadata.RequestRefresh();
            return fresh;
        }
        finally
        {
            _forcedFetch.Release();
        }
    }

    public void Dispose() => _forcedFetch.Dispose();

    internal static bool SameServiceUrl(string left, string right) =>
        string.Equals(left.TrimEnd('/'), right.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string? keyId) =>
        keyId is null ? null : configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal));

    /// <summary>Reads the Bot Framework's <c>endorsements</c> extension of a JWK: the channel ids the key may sign for.</summary>
    private static List<string> ReadEndorsements(JsonWebKey? key)
    {
        var endorsements = new List<string>();
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return endorsements;
        }

        switch (value)
        {
            case string single:
                endorsements.Add(single);
                break;
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                endorsements.AddRange(array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!));
                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    if (item?.ToString() is { } text)
                    {
                        endorsements.Add(text);
                    }
                }

                break;
        }

        return endorsements;
    }

    private static string DescribeFailure(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token's audience is not this bot's app id",
        SecurityTokenInvalidIssuerException => "the token's issuer is not the Bot Framework",
        SecurityTokenSignatureKeyNotFoundException => "the token was signed by an unknown key",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not allowed",
        SecurityTokenNoExpirationException => "the token has no expiry",
        null => "the token is invalid",
        _ => "the token is invalid (" + exception.GetType().Name + ")",
    };
}
