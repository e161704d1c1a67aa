using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Hosting;

/// <summary>
/// Caps a chat route's request body while Kestrel reads it, so an oversized body is cut off at
/// the limit instead of being buffered and parsed. Such a body gets a 413 problem that names the
/// limit and the configuration key that raises it.
/// </summary>
internal static class RequestBodyLimits
{
    /// <summary>Adds the cap to <paramref name="route"/>. <paramref name="limit"/> reads the maximum bytes from the bound options.</summary>
    public static RouteHandlerBuilder WithRequestBodyLimit(this RouteHandlerBuilder route, string key, Func<IServiceProvider, long> limit) =>
        route.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var maxBytes = limit(context.RequestServices);
            if (context.Request.ContentLength > maxBytes)
            {
                return Reject(context, maxBytes, key);
            }

            // Kestrel stops reading at the limit and raises BadHttpRequestException with status 413.
            // The feature is read-only once the body has been read, which no earlier middleware does.
            var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (sizeFeature is { IsReadOnly: false })
            {
                sizeFeature.MaxRequestBodySize = maxBytes;
            }

            try
            {
                return await next(invocation);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Reject(context, maxBytes, key);
            }
        });

    /// <summary>The 413 problem for a body over <paramref name="maxBytes"/>, logged with the route.</summary>
    public static IResult Reject(HttpContext context, long maxBytes, string key)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestBodyLimits));
        Log.RequestBodyTooLarge(logger, context.Request.Path, maxBytes);
        return Results.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: $"The request body is larger than {maxBytes} bytes, the limit for {context.Request.Path}. An administrator can raise it with the setting {key}.");
    }
}
