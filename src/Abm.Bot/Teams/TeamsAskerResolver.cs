using Abm.Bot.Hosting;
using Abm.Core.Answers;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Teams;

/// <summary>
/// Works out which person asked: first by the stored Teams user id, then by the email (or UPN)
/// the Bot Connector's members API returns for the user, matched case-insensitively. A match
/// stores the Teams user id on the person. Results, misses included, are cached per user, except
/// when the members API failed: a brief connector error must not hide the person for the cache's lifetime.
/// </summary>
internal sealed class TeamsAskerResolver(
    AbmDbContext db,
    ConnectorClient connector,
    IMemoryCache cache,
    IOptions<TeamsOptions> options,
    ILogger<TeamsAskerResolver> logger)
{
    public const string ChannelName = "msteams";

    public async Task<Asker> ResolveAsync(Activity activity, CancellationToken cancellationToken)
    {
        var userId = activity.From?.Id;
        var displayName = activity.From?.Name;
        var conversationId = activity.Conversation?.Id is { } id ? ConversationReferences.WithoutThread(id) : null;
        if (string.IsNullOrEmpty(userId))
        {
            return new Asker(null, displayName, ChannelName) { ConversationId = conversationId };
        }

        var cacheKey = "abm:teams-asker:" + userId;
        if (!cache.TryGetValue(cacheKey, out string? personId))
        {
            (personId, var lookupFailed) = await FindPersonAsync(activity, userId, cancellationToken);
            var duration = options.Value.MemberCacheDuration;
            if (duration > TimeSpan.Zero && !lookupFailed)
            {
                cache.Set(cacheKey, personId, duration);
            }
        }

        return new Asker(personId, displayName, ChannelName) { ConversationId = conversationId };
    }

    /// <summary>Returns the person's id, or null, and whether the members API call failed.</summary>
    private async Task<(string? PersonId, bool LookupFailed)> FindPersonAsync(Activity activity, string userId, CancellationToken cancellationToken)
    {
        var known = await db.People.Where(p => p.TeamsUserId == userId).Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            Log.AskerMapped(logger, userId, known);
            return (known, false);
        }

        var (email, lookupFailed) = await LookUpEmailAsync(activity, userId, cancellationToken);
        if (email is null)
        {
            Log.AskerNotMapped(logger, userId, hasEmail: false);
            return (null, lookupFailed);
        }

        var person = await db.FindByEmailAsync(email, cancellationToken);
        if (person is null)
        {
            Log.AskerNotMapped(logger, userId, hasEmail: true);
            return (null, false);
        }

        person.TeamsUserId = userId;
        await db.SaveChangesAsync(cancellationToken);
        Log.AskerMapped(logger, userId, person.Id);
        return (person.Id, false);
    }

    private async Task<(string? Email, bool Failed)> LookUpEmailAsync(Activity activity, string userId, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null)
        {
            return (null, false);
        }

        try
        {
            var conversationId = ConversationReferences.WithoutThread(activity.Conversation.Id);
            var member = await connector.GetMemberAsync(activity.ServiceUrl, conversationId, userId, cancellationToken);
            var email = member?.Email ?? member?.UserPrincipalName;
            return (string.IsNullOrWhiteSpace(email) ? null : email, false);
        }
        catch (HttpRequestException exception)
        {
            Log.MemberLookupFailed(logger, userId, exception);
            return (null, true);
        }
    }
}
