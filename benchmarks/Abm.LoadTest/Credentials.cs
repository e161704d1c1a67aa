using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Abm.LoadTest;

/// <summary>
/// What the run generates for itself: an RSA signing key the fake OpenID server publishes as
/// endorsed for msteams, a long-lived token signed with it, and a self-signed certificate for
/// the fake token endpoint (MSAL calls only https authorities).
/// </summary>
internal sealed class Credentials : IDisposable
{
    public const string AppId = "5b0f2d6e-7c1a-4e3b-9d8f-0a1b2c3d4e5f";
    public const string AppPassword = "load-test-secret";
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "load-test-key";
    public const string ConnectorToken = "load-test-connector-token";
    public const string SlackSigningSecret = "load-test-signing-secret";
    public const string SlackBotToken = "xoxb-load-test";

    private readonly RSA _signing = RSA.Create(2048);

    public Credentials()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        Certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The https certificate of the fake token endpoint; the bot process trusts it through SSL_CERT_FILE.</summary>
    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public object Jwks()
    {
        var parameters = _signing.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = new[] { "msteams" },
                },
            },
        };
    }

    /// <summary>A token as the Bot Connector signs it, valid for the whole run.</summary>
    public string CreateBotToken(string serviceUrl)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddHours(6),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_signing) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose()
    {
        _signing.Dispose();
        Certificate.Dispose();
    }
}
