using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Teams;

/// <summary>
/// Finds a user's personal Teams chat with the bot, or starts one for a user who never wrote to
/// it: the Bot Connector's create-conversation call (<c>POST v3/conversations</c>) at the service
/// URL and tenant of the newest stored Teams conversation, else the configured ones. The new chat
/// is stored as a conversation reference, so the next message goes straight to it.
/// </summary>
internal sealed class TeamsPersonalChats(
    ConnectorClient connector,
    IDbContextFactory<AbmDbContext> contexts,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsPersonalChats> logger)
{
    /// <summary>Returns the newest active personal chat with the user, or null when the bot has none.</summary>
    public async Task<ConversationReference?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationReferences.AsNoTracking()
            .Where(r => r.Channel == TeamsAskerResolver.ChannelName && r.UserId == userId && r.IsActive && r.ConversationType == "personal")
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Returns the user's personal chat, creating and storing it when the bot has none.</summary>
    /// <returns>Null when no stored conversation or setting supplies a service URL, tenant and bot id.</returns>
    /// <exception cref="HttpRequestException">The Bot Connector rejected or failed the create-conversation call.</exception>
    public async Task<ConversationReference?> FindOrCreateAsync(string userId, CancellationToken cancellationToken) =>
        await FindAsync(userId, cancellationToken) ?? await CreateAsync(userId, cancellationToken);

    private async Task<ConversationReference?> CreateAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // NOTE: a bot installed in several tenants uses the newest conversation's tenant, which may not be the user's.
        var known = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.Channel == TeamsAskerResolver.ChannelName && r.IsActive)
            .OrderByDescending(r => r.TenantId != null)
            .ThenByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var configured = options.Value;
        var serviceUrl = known?.ServiceUrl ?? configured.ServiceUrl;
        var tenantId = known?.TenantId ?? configured.TenantId;
        var botId = known?.BotId ?? (configured.AuthenticationEnabled ? "28:" + configured.AppId : null);
        if (string.IsNullOrEmpty(serviceUrl) || string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(botId))
        {
            Log.PersonalChatNotCreated(logger, userId);
            return null;
        }

        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TeamsEntity { Id = tenantId } },
        };
        var created = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        if (string.IsNullOrEmpty(created?.Id))
        {
            throw new HttpRequestException($"The Bot Connector returned no conversation id for a personal chat with {userId}.");
        }

        var reference = new ConversationReference
        {
            Channel = TeamsAskerResolver.ChannelName,
            ConversationId = created.Id,
            ServiceUrl = serviceUrl,
            ConversationType = "personal",
            TenantId = tenantId,
            BotId = botId,
            UserId = userId,
            UpdatedAt = time.GetUtcNow(),
        };
        db.ConversationReferences.Add(reference);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another send stored the same chat first. Teams gives a bot one personal chat per user, so the reference is the same.
            return reference;
        }

        Log.PersonalChatCreated(logger, created.Id, userId);
        return reference;
    }
}
