using Abm.Bot.Slack;
using Abm.Core.Domain;
using Abm.Core.Storage;
using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Approvals;

/// <summary>Where a person gets direct messages from Abm.</summary>
internal abstract record DirectRoute
{
    /// <summary>The person's personal Teams chat with Abm.</summary>
    public sealed record Teams(ConversationReference Reference) : DirectRoute;

    /// <summary>The person's Slack user; the direct message channel comes from <c>conversations.open</c>.</summary>
    public sealed record Slack(string UserId) : DirectRoute;
}

/// <summary>Looks up people's chat ids and their Teams personal conversations.</summary>
internal sealed class ApprovalPeople(IDbContextFactory<AbmDbContext> contexts, IOptions<SlackOptions> slackOptions)
{
    public const string TeamsChannel = "msteams";

    /// <summary>
    /// Returns where to message a person directly: their personal Teams chat with Abm when the bot
    /// has one, else their Slack user when Slack is configured, else null.
    /// </summary>
    public async Task<DirectRoute?> DirectRouteAsync(string personId, CancellationToken cancellationToken)
    {
        var person = await FindAsync(personId, cancellationToken);
        if (person?.TeamsUserId is { } teamsId && await PersonalConversationAsync(teamsId, cancellationToken) is { } reference)
        {
            return new DirectRoute.Teams(reference);
        }

        if (person?.SlackUserId is { Length: > 0 } slackId && slackOptions.Value.IsEnabled)
        {
            return new DirectRoute.Slack(slackId);
        }

        return null;
    }

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
