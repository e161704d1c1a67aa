using System.Net;
using Abm.Bot.Teams;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Hosting;

/// <summary>
/// Allows Teams authentication to be off only when no app id is configured and every address
/// the host listens on is loopback; otherwise the host stops with an error naming the key.
/// </summary>
internal sealed class AuthenticationGuard(IServer server, IOptions<TeamsOptions> options, ILogger<AuthenticationGuard> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var authenticationOn = options.Value.AuthenticationEnabled;

        if (!authenticationOn)
        {
            var exposed = addresses.Where(address => !IsLoopback(address)).ToList();
            if (exposed.Count > 0)
            {
                throw new InvalidConfigurationException(
                    $"Abm:Teams:AppId is not set, so Teams authentication is off, but the host listens on {string.Join(", ", exposed)}. " +
                    "Set Abm:Teams:AppId and Abm:Teams:AppPassword to the bot registration's values, or listen on loopback only (for example --urls http://127.0.0.1:3978).");
            }

            Log.AuthenticationOff(logger);
        }

        var listening = string.Join(", ", addresses);
        Log.HostStarted(logger, listening, authenticationOn ? "on" : "OFF");
        return Task.CompletedTask;
    }

    /// <summary>True for an address Kestrel binds only on loopback: 127.0.0.0/8, [::1] or localhost.</summary>
    internal static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
