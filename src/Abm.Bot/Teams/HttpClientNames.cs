namespace Abm.Bot.Teams;

/// <summary>Names of the HTTP clients the Teams adapter registers; tests re-point them at loopback fakes.</summary>
public static class HttpClientNames
{
    /// <summary>Fetches the OpenID metadata and signing keys.</summary>
    public const string OpenId = "abm-teams-openid";

    /// <summary>Calls the Bot Connector REST API.</summary>
    public const string Connector = "abm-teams-connector";

    /// <summary>Gets outbound tokens through MSAL.</summary>
    public const string Login = "abm-teams-login";
}
