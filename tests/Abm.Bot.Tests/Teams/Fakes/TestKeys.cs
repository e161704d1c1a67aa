using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Abm.Bot.Tests.Teams.Fakes;

/// <summary>RSA keys the tests generate, and tokens signed with them the way the Bot Connector signs.</summary>
public sealed class TestKeys : IDisposable
{
    public const string AppId = "6f1c3b8e-2a47-4d1b-9e0f-1a2b3c4d5e6f";
    public const string Issuer = "https://api.botframework.com";

    private readonly RSA _endorsed = RSA.Create(2048);
    private readonly RSA _unendorsed = RSA.Create(2048);
    private readonly RSA _unpublished = RSA.Create(2048);

    /// <summary>Published and endorsed for <c>msteams</c>.</summary>
    public RsaSecurityKey Endorsed => new(_endorsed) { KeyId = "endorsed-key" };

    /// <summary>Published without endorsements.</summary>
    public RsaSecurityKey Unendorsed => new(_unendorsed) { KeyId = "unendorsed-key" };

    /// <summary>Never published.</summary>
    public RsaSecurityKey Unpublished => new(_unpublished) { KeyId = "unpublished-key" };

    /// <summary>The JWKS document: each published key with its endorsements.</summary>
    public object Jwks(bool includeRotated = false)
    {
        var keys = new List<object> { Jwk(_endorsed, "endorsed-key", ["msteams", "skype"]), Jwk(_unendorsed, "unendorsed-key", null) };
        if (includeRotated)
        {
            keys.Add(Jwk(_unpublished, "unpublished-key", ["msteams"]));
        }

        return new { keys };
    }

    public string CreateToken(
        string serviceUrl,
        RsaSecurityKey? key = null,
        string audience = AppId,
        string issuer = Issuer,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key ?? Endorsed, SecurityAlgorithms.RsaSha256),
        };

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose()
    {
        _endorsed.Dispose();
        _unendorsed.Dispose();
        _unpublished.Dispose();
    }

    private static Dictionary<string, object> Jwk(RSA rsa, string keyId, string[]? endorsements)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };

        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }
}
