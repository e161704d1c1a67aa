using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Bot.Hosting;

/// <summary>Person look-ups the channels share.</summary>
internal static class PeopleQueries
{
    /// <summary>Finds the person with this email, ignoring case; null when nobody has it.</summary>
    public static Task<Person?> FindByEmailAsync(this AbmDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();

        // ToLower translates to SQL on SQLite and PostgreSQL; string.Equals with a StringComparison does not.
#pragma warning disable CA1862
        return db.People.FirstOrDefaultAsync(p => p.Email != null && p.Email.ToLower() == normalized, cancellationToken);
#pragma warning restore CA1862
    }
}
