using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Teams;

/// <summary>Stores where the bot can post later (alerts): one reference per Teams conversation.</summary>
internal sealed class ConversationReferences(AbmDbContext db, TimeProvider time, ILogger<ConversationReferences> logger)
{
    /// <summary>How old an unchanged reference may get before a turn writes its time again.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(1);

    /// <summary>Removes the thread part of a channel conversation id (<c>19:…@thread.skype;messageid=123</c>).</summary>
    public static string WithoutThread(string conversationId)
    {
        var separator = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return separator < 0 ? conversationId : conversationId[..separator];
    }

    /// <summary>Creates or refreshes the reference for the activity's conversation, as active or not.</summary>
    public async Task SaveAsync(Activity activity, CancellationToken cancellationToken, bool isActive = true)
    {
        if (activity.Conversation?.Id is null || activity.ServiceUrl is null)
        {
            return;
        }

        var conversationId = WithoutThread(activity.Conversation.Id);
        var conversationType = activity.Conversation.ConversationType;
        var reference = await db.ConversationReferences.FindAsync([TeamsAskerResolver.ChannelName, conversationId], cancellationToken);
        if (reference is null)
        {
            reference = new ConversationReference
            {
                Channel = TeamsAskerResolver.ChannelName,
                ConversationId = conversationId,
                ServiceUrl = activity.ServiceUrl,
            };
            db.ConversationReferences.Add(reference);
        }

        reference.ServiceUrl = activity.ServiceUrl;
        reference.ConversationType = conversationType ?? reference.ConversationType;
        reference.TenantId = activity.Conversation.TenantId ?? activity.ChannelData?.Tenant?.Id ?? reference.TenantId;
        reference.TeamId = activity.ChannelData?.Team?.Id ?? reference.TeamId;
        reference.ChannelId = activity.ChannelData?.Channel?.Id ?? reference.ChannelId;
        reference.BotId = activity.Recipient?.Id ?? reference.BotId;
        if (string.Equals(conversationType, "personal", StringComparison.OrdinalIgnoreCase))
        {
            reference.UserId = activity.From?.Id ?? reference.UserId;
        }

        reference.IsActive = isActive;

        // Every turn reads the reference, but a write only happens when a field changed or the
        // reference is older than RefreshInterval: SQLite has one writer, and a write per turn
        // queued every turn behind it.
        var now = time.GetUtcNow();
        db.ChangeTracker.DetectChanges();
        if (db.Entry(reference).State == EntityState.Unchanged && now - reference.UpdatedAt < RefreshInterval)
        {
            return;
        }

        reference.UpdatedAt = now;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two turns of a new conversation raced to insert it; the other insert stored the same facts.
            db.ChangeTracker.Clear();
            return;
        }

        Log.ConversationReferenceSaved(logger, conversationType, conversationId);
    }
}
