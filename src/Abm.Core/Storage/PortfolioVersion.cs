using Abm.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Abm.Core.Storage;

/// <summary>
/// The single row that counts committed changes to the rows that portfolio questions read (accounts,
/// people, contacts, events, opportunities, target-list entries). Every instance that shares the
/// database sees the same value, so a cache can compare it with the value it loaded at.
/// </summary>
public sealed class DataVersion
{
    /// <summary>The id of the one row.</summary>
    public const int PortfolioId = 1;

    public int Id { get; set; }

    /// <summary>Incremented by every save or bulk insert that changes portfolio rows, so at least once per such transaction.</summary>
    public long Value { get; set; }
}

/// <summary>Reads and increments the portfolio data version.</summary>
public static class PortfolioVersion
{
    private static readonly HashSet<Type> PortfolioTypes =
    [
        typeof(Account),
        typeof(Person),
        typeof(Contact),
        typeof(EngagementEvent),
        typeof(Opportunity),
        typeof(TargetListEntry),
    ];

    /// <summary>Returns whether rows of <paramref name="type"/> feed portfolio questions.</summary>
    public static bool IsPortfolioType(Type type) => PortfolioTypes.Contains(type);

    /// <summary>Reads the committed version with one primary-key lookup.</summary>
    public static Task<long> ReadAsync(AbmDbContext db, CancellationToken cancellationToken) =>
        db.DataVersions.AsNoTracking()
            .Where(v => v.Id == DataVersion.PortfolioId)
            .Select(v => v.Value)
            .SingleAsync(cancellationToken);

    /// <summary>
    /// Increments the version with one <c>UPDATE … SET "Value" = "Value" + 1</c>, inside the
    /// context's current transaction when it has one. The increment is atomic, so concurrent
    /// writers on other instances never overwrite each other's bump.
    /// </summary>
    public static Task<int> BumpAsync(AbmDbContext db, CancellationToken cancellationToken) =>
        db.DataVersions
            .Where(v => v.Id == DataVersion.PortfolioId)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Value, v => v.Value + 1), cancellationToken);

    /// <inheritdoc cref="BumpAsync"/>
    public static int Bump(AbmDbContext db) =>
        db.DataVersions
            .Where(v => v.Id == DataVersion.PortfolioId)
            .ExecuteUpdate(set => set.SetProperty(v => v.Value, v => v.Value + 1));

    internal static bool HasPendingChanges(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsPortfolioType(e.Metadata.ClrType));
}
