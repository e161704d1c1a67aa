using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Demo;

/// <summary>Puts the generated demo data into a database.</summary>
public static class DemoData
{
    /// <summary>
    /// Inserts the demo data generated from <paramref name="seed"/> and <paramref name="anchor"/>
    /// in one transaction, unless demo accounts already exist: a second call, even with another
    /// anchor, changes nothing. Delete the database to regenerate the history up to a new anchor.
    /// </summary>
    /// <returns>True when the data was inserted, false when it was already there.</returns>
    public static async Task<bool> SeedAsync(AbmDbContext db, DateTimeOffset anchor, int seed = DemoDataGenerator.DefaultSeed, CancellationToken cancellationToken = default)
    {
        if (await db.Accounts.AnyAsync(a => a.Source == DemoDataGenerator.Source, cancellationToken))
        {
            return false;
        }

        var data = new DemoDataGenerator(seed, anchor).Generate();
        var personIds = data.People.Select(p => p.Id).ToList();
        var existingPeople = (await db.People.Where(p => personIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.People.AddRange(data.People.Where(p => !existingPeople.Contains(p.Id)));
            db.Accounts.AddRange(data.Accounts);
            db.Contacts.AddRange(data.Contacts);
            db.Opportunities.AddRange(data.Opportunities);
            db.TargetList.AddRange(data.TargetList);
            db.Events.AddRange(data.Events);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }

        return true;
    }
}
