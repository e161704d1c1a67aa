using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Ingestion;

/// <summary>A newly created key; <see cref="Key"/> is the only copy of the secret.</summary>
public sealed record CreatedApiKey(string Id, string Source, string Key);

/// <summary>
/// Creates, revokes, lists and checks source API keys. A key reads <c>abm_&lt;id&gt;_&lt;secret&gt;</c>
/// where the secret is 32 random bytes in base64url; the database keeps their SHA-256 only.
/// </summary>
public sealed partial class ApiKeyStore(IDbContextFactory<AbmDbContext> contexts, TimeProvider time, ILogger<ApiKeyStore> logger)
{
    private const string Prefix = "abm_";

    /// <summary>Creates a key for a source.</summary>
    /// <exception cref="ArgumentException">The source name is not 1–64 letters, digits, '.', '-' or '_'.</exception>
    public async Task<CreatedApiKey> CreateAsync(string source, CancellationToken cancellationToken)
    {
        source = source?.Trim() ?? string.Empty;
        if (!SourcePattern().IsMatch(source))
        {
            throw new ArgumentException($"The source \"{source}\" is not a valid source name: use 1–64 letters, digits, '.', '-' or '_', such as hubspot.", nameof(source));
        }

        var id = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = RandomNumberGenerator.GetBytes(32);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(new ApiKey { Id = id, Source = source, Hash = Convert.ToHexStringLower(SHA256.HashData(secret)), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        Log.ApiKeyCreated(logger, id, source);
        return new CreatedApiKey(id, source, $"{Prefix}{id}_{Base64Url.EncodeToString(secret)}");
    }

    /// <summary>Revokes a key; returns false when no key has that id.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        Log.ApiKeyRevoked(logger, id);
        return true;
    }

    /// <summary>All keys, newest first, without their hashes' secrets (there are none to show).</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return keys.OrderByDescending(k => k.CreatedAt).ToList();
    }

    /// <summary>Returns the source a presented key belongs to, or null when it is malformed, unknown or revoked.</summary>
    /// <remarks>The hash comparison takes the same time wherever the bytes differ.</remarks>
    public async Task<string?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!TryParse(presented, out var id, out var secret))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null || key.RevokedAt is not null)
        {
            return null;
        }

        var stored = Convert.FromHexString(key.Hash);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(secret), stored) ? key.Source : null;
    }

    private static bool TryParse(string? presented, out string id, out byte[] secret)
    {
        id = string.Empty;
        secret = [];
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 128)
        {
            return false;
        }

        var rest = presented.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0)
        {
            return false;
        }

        id = rest[..separator].ToString();
        var encoded = rest[(separator + 1)..];
        if (!Base64Url.IsValid(encoded, out var length) || length != 32)
        {
            return false;
        }

        secret = Base64Url.DecodeFromChars(encoded);
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SourcePattern();
}
