using Abm.Bot.Slack;
using Abm.Bot.Teams;
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
internal sealed class ApprovalPeople(IDbContextFactory<AbmDbContext> contexts, IOptions<SlackOptions> slackOptions, IServiceScopeFactory scopes)
{
    public const string TeamsChannel = "msteams";

    /// <summary>
    /// Returns where to message a person directly: their personal Teams chat with Abm when the bot
    /// has one, else their Slack user when Slack is configured. Otherwise a person with a Teams
    /// user id gets a personal chat that Abm starts now. Null when none of these is possible.
    /// </summary>
    /// <exception cref="HttpRequestException">Starting the Teams chat failed at the Bot Connector.</exception>
    public async Task<DirectRoute?> DirectRouteAsync(string personId, CancellationToken cancellationToken)
    {
        var person = await FindAsync(personId, cancellationToken);
        using var scope = scopes.CreateScope();
        var teamsChats = scope.ServiceProvider.GetService<TeamsPersonalChats>();
        if (person?.TeamsUserId is { Length: > 0 } teamsId && teamsChats is not null && await teamsChats.FindAsync(teamsId, cancellationToken) is { } reference)
        {
            return new DirectRoute.Teams(reference);
        }

        if (person?.SlackUserId is { Length: > 0 } slackId && slackOptions.Value.IsEnabled)
        {
            return new DirectRoute.Slack(slackId);
        }

        if (person?.TeamsUserId is { Length: > 0 } newChatUser && teamsChats is not null && await teamsChats.FindOrCreateAsync(newChatUser, cancellationToken) is { } created)
        {
            return new DirectRoute.Teams(created);
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

    /// <summary>
    /// Returns up to <paramref name="limit"/> people, by name, whose name or email contains
    /// <paramref name="query"/> (ignoring case; an empty query matches everyone), leaving out
    /// <paramref name="excludedId"/> and ids longer than <paramref name="maxIdLength"/>.
    /// </summary>
    public async Task<IReadOnlyList<PersonRef>> SearchAsync(string query, string? excludedId, int maxIdLength, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = db.People.AsNoTracking().Where(p => p.Id != excludedId && p.Id.Length <= maxIdLength);
        if (text.Length > 0)
        {
            // ToLower translates to SQL on SQLite and PostgreSQL; Contains with a StringComparison does not.
#pragma warning disable CA1862
            people = people.Where(p => p.Name.ToLower().Contains(text) || (p.Email != null && p.Email.ToLower().Contains(text)));
#pragma warning restore CA1862
        }

        return await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(limit).Select(p => new PersonRef(p.Id, p.Name)).ToListAsync(cancellationToken);
    }

    public async Task<Person?> FindAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
    }

    public async Task<ConversationReference?> TeamsConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationReferences.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Channel == TeamsChannel && r.ConversationId == conversationId && r.IsActive, cancellationToken);
    }
}
