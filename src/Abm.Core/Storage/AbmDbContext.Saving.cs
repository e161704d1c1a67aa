using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Storage;

/// <summary>
/// Saving: a save that adds, changes or deletes portfolio rows also increments the portfolio
/// data version in the same transaction, so a reader that reads the new version also finds the rows.
/// </summary>
public partial class AbmDbContext
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!PortfolioVersion.HasPendingChanges(ChangeTracker))
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        if (Database.CurrentTransaction is not null)
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            PortfolioVersion.Bump(this);
            return saved;
        }

        using var transaction = Database.BeginTransaction();
        var count = base.SaveChanges(acceptAllChangesOnSuccess: false);
        PortfolioVersion.Bump(this);
        transaction.Commit();
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return count;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!PortfolioVersion.HasPendingChanges(ChangeTracker))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            // The caller's transaction commits the rows and the bump together, or neither.
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await PortfolioVersion.BumpAsync(this, cancellationToken);
            return saved;
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        await PortfolioVersion.BumpAsync(this, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return count;
    }
}
