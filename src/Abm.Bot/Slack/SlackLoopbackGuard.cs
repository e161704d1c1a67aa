using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Slack;

/// <summary>
/// Stops the host when the unsigned development mode is on and the server listens on any
/// address other than loopback, and warns whenever that mode is on.
/// </summary>
internal sealed class SlackLoopbackGuard(IServer server, IOptions<SlackOptions> options, ILogger<SlackLoopbackGuard> logger)
    : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var slack = options.Value;
        if (!slack.DangerouslyAllowUnsignedRequestsOnLoopback || !string.IsNullOrEmpty(slack.SigningSecret))
        {
            return Task.CompletedTask;
        }

        Log.SlackUnsignedMode(logger);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"{SlackOptions.SectionName}:DangerouslyAllowUnsignedRequestsOnLoopback is true but the host listens on {string.Join(", ", exposed)}. " +
                $"Listen on 127.0.0.1 or localhost only, or set {SlackOptions.SectionName}:SigningSecret and turn the unsigned mode off.");
        }

        return Task.CompletedTask;
    }

    internal static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
