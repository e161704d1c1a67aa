namespace Abm.Core.Ingestion;

/// <summary>
/// A key that lets one source system post engagement events. Only the SHA-256 of the key's
/// random part is stored; the key itself is shown once, when created.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Public id, such as <c>k3f9a1c2d4e5b</c>; part of the key, so a key finds its row without a scan.</summary>
    public required string Id { get; set; }

    /// <summary>The source whose events the key may post, such as <c>hubspot</c>; stored as the events' source.</summary>
    public required string Source { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key's 32 random bytes.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
