using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Abm.Bot.Hosting;

/// <summary>
/// Sends each request through a Polly pipeline (retries, timeouts) built once, without the
/// per-request telemetry, logging and metering that <c>AddResilienceHandler</c> adds. On the
/// hot path of a chat turn that telemetry cost more than the retry logic itself; the callers
/// log their own outcomes.
/// </summary>
/// <remarks>
/// The same request message is sent again on a retry, which works because Abm's request
/// contents (JSON and form content) write themselves anew each time they are sent.
/// </remarks>
internal sealed class PipelineHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendOnceAsync(state.Request, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Builds a pipeline that retries with the <paramref name="retry"/> settings and limits each attempt to <paramref name="attemptTimeout"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> BuildPipeline(TimeProvider time, HttpRetryStrategyOptions retry, TimeSpan attemptTimeout) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(retry)
            .AddTimeout(attemptTimeout)
            .Build();

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
