using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Abm.Bot.Slack.Inbound;

/// <summary>Why a request failed the Slack signature check, or <see cref="Valid"/>.</summary>
public enum SignatureCheck
{
    Valid,
    MissingTimestamp,
    MissingSignature,
    MalformedTimestamp,
    MalformedSignature,
    StaleTimestamp,
    FutureTimestamp,
    Mismatch,
}

/// <summary>
/// Verifies Slack's <c>v0</c> request signature: <c>v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))</c>
/// over the raw body bytes, compared in constant time, with the timestamp at most 5 minutes from now.
/// </summary>
public sealed class SlackSignatureVerifier
{
    /// <summary>How far the request timestamp may be from the clock, either way.</summary>
    public static readonly TimeSpan MaxClockDifference = TimeSpan.FromMinutes(5);

    private const string VersionPrefix = "v0=";
    private const int HashBytes = 32;

    private static ReadOnlySpan<byte> Prefix => "v0:"u8;

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    public SlackSignatureVerifier(string signingSecret, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _timeProvider = timeProvider;
    }

    public SignatureCheck Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestampHeader))
        {
            return SignatureCheck.MissingTimestamp;
        }

        if (string.IsNullOrEmpty(signatureHeader))
        {
            return SignatureCheck.MissingSignature;
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var maxSeconds = (long)MaxClockDifference.TotalSeconds;
        if (now - timestamp > maxSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }

        if (timestamp - now > maxSeconds)
        {
            return SignatureCheck.FutureTimestamp;
        }

        Span<byte> received = stackalloc byte[HashBytes];
        if (!TryDecodeSignature(signatureHeader, received))
        {
            return SignatureCheck.MalformedSignature;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        ComputeSignature(timestampHeader, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>Builds the header value Slack would send for this body; tests and tools sign with it.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HashBytes];
        ComputeSignature(timestamp, body, hash);
        return VersionPrefix + Convert.ToHexStringLower(hash);
    }

    private void ComputeSignature(string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        // The signed text goes into one pooled buffer for a one-shot HMAC, so no hash object is
        // created per request. ASCII encodes each character of the timestamp as one byte.
        var length = Prefix.Length + timestamp.Length + 1 + body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var message = buffer.AsSpan(0, length);
            Prefix.CopyTo(message);
            Encoding.ASCII.GetBytes(timestamp, message[Prefix.Length..]);
            message[Prefix.Length + timestamp.Length] = (byte)':';
            body.CopyTo(message[(Prefix.Length + timestamp.Length + 1)..]);
            HMACSHA256.HashData(_key, message, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryDecodeSignature(string header, Span<byte> destination)
    {
        var value = header.AsSpan().Trim();
        if (!value.StartsWith(VersionPrefix, StringComparison.Ordinal) || value.Length != VersionPrefix.Length + (HashBytes * 2))
        {
            return false;
        }

        var status = Convert.FromHexString(value[VersionPrefix.Length..], destination, out _, out var written);
        return status == System.Buffers.OperationStatus.Done && written == HashBytes;
    }
}
