using System.Buffers;
using System.Net;
using Abm.Bot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Slack.Inbound;

/// <summary>
/// Reads an inbound Slack request's raw body and checks its signature before anything parses
/// it. Without a signing secret (only in the unsigned development mode) it accepts requests
/// from loopback addresses alone.
/// </summary>
public sealed class SlackRequestReader
{
    private const string TimestampHeader = "X-Slack-Request-Timestamp";
    private const string SignatureHeader = "X-Slack-Signature";

    private readonly SlackSignatureVerifier? _verifier;
    private readonly int _maxBodyBytes;
    private readonly ILogger<SlackRequestReader> _logger;

    public SlackRequestReader(IOptions<SlackOptions> options, TimeProvider timeProvider, ILogger<SlackRequestReader> logger)
    {
        var secret = options.Value.SigningSecret;
        _verifier = string.IsNullOrEmpty(secret) ? null : new SlackSignatureVerifier(secret, timeProvider);
        _maxBodyBytes = options.Value.MaxRequestBodyBytes;
        _logger = logger;
    }

    /// <summary>Returns the verified body, or the response to send instead (401, 413).</summary>
    public async Task<(ReadOnlyMemory<byte> Body, IResult? Failure)> ReadVerifiedAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _maxBodyBytes)
        {
            return (default, RequestBodyLimits.Reject(context, _maxBodyBytes, SlackServiceCollectionExtensions.MaxRequestBodyKey));
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            return (default, RequestBodyLimits.Reject(context, _maxBodyBytes, SlackServiceCollectionExtensions.MaxRequestBodyKey));
        }

        if (_verifier is null)
        {
            var remote = context.Connection.RemoteIpAddress;
            return remote is not null && IPAddress.IsLoopback(remote)
                ? (body.Value, null)
                : (default, Reject(context, "unsigned requests are accepted from loopback only", StatusCodes.Status401Unauthorized));
        }

        var check = _verifier.Verify(request.Headers[TimestampHeader], request.Headers[SignatureHeader], body.Value.Span);
        if (check != SignatureCheck.Valid)
        {
            Log.SlackSignatureRejected(_logger, request.Path, check);
            return (default, Results.Text($"Slack signature check failed: {check}.", statusCode: StatusCodes.Status401Unauthorized));
        }

        return (body.Value, null);
    }

    private IResult Reject(HttpContext context, string reason, int status)
    {
        Log.SlackRequestRejected(_logger, context.Request.Path, reason);
        return Results.Text($"Slack request rejected: {reason}.", statusCode: status);
    }

    /// <summary>
    /// Reads the whole body, or returns null when it is longer than the limit. Kestrel enforces the
    /// same limit while reading (see <see cref="RequestBodyLimits"/>); this count covers a server that does not.
    /// </summary>
    private async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and var length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > _maxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
