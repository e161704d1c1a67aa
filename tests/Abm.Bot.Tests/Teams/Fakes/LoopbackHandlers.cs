namespace Abm.Bot.Tests.Teams.Fakes;

/// <summary>Sends every request to the loopback fake instead of its real host, keeping path and query.</summary>
public sealed class RewriteToLoopbackHandler(Uri loopbackBase) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        request.RequestUri = new UriBuilder(original) { Scheme = loopbackBase.Scheme, Host = loopbackBase.Host, Port = loopbackBase.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Fails any request that is not addressed to loopback, so no test can reach another host.</summary>
public sealed class LoopbackOnlyHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsLoopback: true })
        {
            throw new InvalidOperationException($"A test tried to reach {request.RequestUri}; only loopback is allowed.");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
