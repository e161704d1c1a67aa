using System.Text.Json.Serialization;
using Abm.Core.Ingestion;
using Microsoft.AspNetCore.Http.Features;

namespace Abm.Bot.Alerts;

/// <summary>
/// <c>POST /api/v1/events</c>: a JSON array or NDJSON of engagement events from one source,
/// authenticated by that source's API key (<c>Authorization: Bearer</c> or <c>X-Api-Key</c>).
/// </summary>
internal static class EventsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, ApiKeyStore keys, EventIngestor ingestor, IngestionOptions options, ILogger<EventIngestor> logger)
    {
        var cancellationToken = context.RequestAborted;
        var source = await keys.AuthenticateAsync(PresentedKey(context.Request), cancellationToken);
        if (source is null)
        {
            Log.EventsUnauthorized(logger);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new ErrorBody("Missing, unknown or revoked API key: send Authorization: Bearer <key> or X-Api-Key: <key>; create one with 'abm apikey create <source>'."), statusCode: StatusCodes.Status401Unauthorized);
        }

        var body = await ReadBodyAsync(context, options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(FormattableString.Invariant($"The body is larger than {options.MaxBodyBytes} bytes (Abm:Ingestion:MaxBodyBytes): split it into smaller requests."));
        }

        IReadOnlyList<RawRecord> records;
        try
        {
            records = EventPayload.Parse(body.Value);
        }
        catch (FormatException ex)
        {
            return Results.Json(new ErrorBody(ex.Message), statusCode: StatusCodes.Status400BadRequest);
        }

        if (records.Count > options.MaxRecords)
        {
            return TooLarge(FormattableString.Invariant($"The request has {records.Count} records, more than {options.MaxRecords} (Abm:Ingestion:MaxRecords): split it into smaller requests."));
        }

        var result = await ingestor.IngestAsync(source, records, cancellationToken);
        var response = new IngestionResponse(
            result.Accepted,
            result.Duplicates.Count,
            // One event can fail several checks, so count distinct events, not errors.
            result.Errors.Select(e => e.Index).Distinct().Count(),
            result.Duplicates,
            result.Errors.Select(e => new RecordError(e.Index, e.Field, e.Reason)).ToList());
        var status = result.Accepted == 0 && result.Duplicates.Count == 0 && result.Errors.Count > 0
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        return Results.Json(response, statusCode: status);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }

    /// <summary>Reads the body up to the limit; null when it is larger.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // Our own limit applies; the server's default (30 MB) would cut in first otherwise.
            sizeFeature.MaxRequestBodySize = null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge(string message) =>
        Results.Json(new ErrorBody(message), statusCode: StatusCodes.Status413PayloadTooLarge);

    internal sealed record ErrorBody([property: JsonPropertyName("error")] string Error);

    internal sealed record RecordError(int Index, string Field, string Reason);

    internal sealed record IngestionResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<int> DuplicateIndexes, IReadOnlyList<RecordError> Errors);
}
