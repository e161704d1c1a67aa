using System.Collections.Concurrent;
using Abm.Bot.Hosting;
using Abm.Bot.Slack.Api;
using Abm.Core.Answers;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Slack.Turns;

/// <summary>
/// Maps a Slack user to a person, so "my accounts" works: by the person's stored Slack user id,
/// else by the email <c>users.info</c> returns (case-insensitive). Results are cached per user.
/// </summary>
public sealed class SlackAskerResolver(
    SlackApiClient api,
    IDbContextFactory<AbmDbContext> contextFactory,
    TimeProvider timeProvider,
    IOptions<SlackOptions> options,
    ILogger<SlackAskerResolver> logger)
{
    public const string ChannelName = "slack";

    private readonly ConcurrentDictionary<string, (Asker Asker, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public async Task<Asker> ResolveAsync(string userId, string? fallbackName, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && cached.Expires > now)
        {
            return cached.Asker;
        }

        Asker asker;
        try
        {
            asker = await LookUpAsync(userId, fallbackName, cancellationToken);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or DbUpdateException or InvalidOperationException)
        {
            // The answer still goes out, without personal context such as "my accounts".
            Log.SlackUserLookupFailed(logger, ex, userId);
            return new Asker(null, fallbackName, ChannelName);
        }

        _cache[userId] = (asker, now + options.Value.UserCacheDuration);
        return asker;
    }

    private async Task<Asker> LookUpAsync(string userId, string? fallbackName, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.People.AsNoTracking()
            .Where(p => p.SlackUserId == userId)
            .Select(p => new { p.Id, p.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            return new Asker(known.Id, known.Name, ChannelName);
        }

        var user = await api.GetUserAsync(userId, cancellationToken);
        var name = user.Profile?.RealName ?? user.Profile?.DisplayName ?? user.Name ?? fallbackName;
        var email = user.Profile?.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return new Asker(null, name, ChannelName);
        }

        var person = await db.FindByEmailAsync(email, cancellationToken);
        return new Asker(person?.Id, person?.Name ?? name, ChannelName);
    }
}
