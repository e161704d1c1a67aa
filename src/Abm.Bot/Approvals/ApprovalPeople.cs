using Abm.Core.Domain;
using Abm.Core.Storage;
using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;

namespace Abm.Bot.Approvals;

/// <summary>Looks up people's chat ids and their Teams personal conversations.</summary>
internal sealed class ApprovalPeople(IDbContextFactory<AbmDbContext> contexts)
{
    public const string TeamsChannel = "msteams";

    public async Task<IReadOnlyList<string>> TeamsIdsAsync(IEnumerable<string> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.TeamsUserId != null)
            .OrderBy(p => p.Id).Select(p => p.TeamsUserId!).ToListAsync(cancellationToken);
    }

    /// <summary>Everyone, by name, for the "Reassign to" list.</summary>
    public async Task<IReadOnlyList<PersonRef>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new PersonRef(p.Id, p.Name)).ToListAsync(cancellationToken);
    }

    public async Task<Person?> FindAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
    }

    /// <summary>The active personal Teams conversation with a user, or null when the bot has none.</summary>
    public async Task<ConversationReference?> PersonalConversationAsync(string teamsUserId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationReferences.AsNoTracking()
            .Where(r => r.Channel == TeamsChannel && r.UserId == teamsUserId && r.IsActive && r.ConversationType == "personal")
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ConversationReference?> TeamsConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationReferences.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Channel == TeamsChannel && r.ConversationId == conversationId && r.IsActive, cancellationToken);
    }
}
