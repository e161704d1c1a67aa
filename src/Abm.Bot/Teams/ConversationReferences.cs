using System.Collections.Concurrent;
using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Teams;

/// <summary>Stores where the bot can post later (alerts): one reference per Teams conversation.</summary>
internal sealed class ConversationReferences(AbmDbContext db, ConversationReferenceMemo memo, TimeProvider time, ILogger<ConversationReferences> logger)
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

        // Most turns come from a conversation this instance stored moments ago with the same
        // facts, and those skip the database. The first turn to claim a new fingerprint
        // writes it, so concurrent turns of a new conversation do not race to insert it.
        var fingerprint = ConversationReferenceMemo.Fingerprint(activity, isActive);
        if (!memo.TryClaim(conversationId, fingerprint, time.GetUtcNow(), RefreshInterval))
        {
            return;
        }

        try
        {
            await WriteAsync(activity, conversationId, conversationType, isActive, cancellationToken);
        }
        catch
        {
            memo.Forget(conversationId);
            throw;
        }
    }

    private async Task WriteAsync(Activity activity, string conversationId, string? conversationType, bool isActive, CancellationToken cancellationToken)
    {
        var reference = await db.ConversationReferences.FindAsync([TeamsAskerResolver.ChannelName, conversationId], cancellationToken);
        if (reference is null)
        {
            reference = new ConversationReference
            {
                Channel = TeamsAskerResolver.ChannelName,
                ConversationId = conversationId,
                ServiceUrl = activity.ServiceUrl!,
            };
            db.ConversationReferences.Add(reference);
        }

        reference.ServiceUrl = activity.ServiceUrl!;
        reference.ConversationType = conversationType ?? reference.ConversationType;
        reference.TenantId = activity.Conversation!.TenantId ?? activity.ChannelData?.Tenant?.Id ?? reference.TenantId;
        reference.TeamId = activity.ChannelData?.Team?.Id ?? reference.TeamId;
        reference.ChannelId = activity.ChannelData?.Channel?.Id ?? reference.ChannelId;
        reference.BotId = activity.Recipient?.Id ?? reference.BotId;
        if (string.Equals(conversationType, "personal", StringComparison.OrdinalIgnoreCase))
        {
            reference.UserId = activity.From?.Id ?? reference.UserId;
        }

        reference.IsActive = isActive;

        // A write only happens when a field changed or the reference is older than
        // RefreshInterval: SQLite has one writer, and a write per turn queued every turn behind it.
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

/// <summary>
/// What this instance last wrote for each conversation and when, so unchanged turns skip the
/// database. Entries are only hints. The stored reference stays the truth, and a stale entry
/// costs at most one skipped refresh of <see cref="ConversationReference.UpdatedAt"/>.
/// </summary>
internal sealed class ConversationReferenceMemo
{
    /// <summary>Past this many conversations the memo starts afresh, which only costs one read each.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The facts a turn would store, joined; equal fingerprints store the same reference.</summary>
    public static string Fingerprint(Activity activity, bool isActive) => string.Join(
        '\u001f',
        activity.ServiceUrl,
        activity.Conversation?.ConversationType,
        activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id,
        activity.ChannelData?.Team?.Id,
        activity.ChannelData?.Channel?.Id,
        activity.Recipient?.Id,
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase) ? activity.From?.Id : null,
        isActive ? "1" : "0");

    /// <summary>
    /// True when the caller should write: the conversation is new to the memo, its facts changed,
    /// or it was written more than <paramref name="refreshInterval"/> ago. A true result records
    /// the write at once, so a concurrent turn with the same facts gets false.
    /// </summary>
    public bool TryClaim(string conversationId, string fingerprint, DateTimeOffset now, TimeSpan refreshInterval)
    {
        var claim = new Entry(fingerprint, now);
        while (true)
        {
            if (!_entries.TryGetValue(conversationId, out var current))
            {
                if (_entries.Count >= Capacity)
                {
                    _entries.Clear();
                }

                if (_entries.TryAdd(conversationId, claim))
                {
                    return true;
                }

                continue;
            }

            if (current.Fingerprint == fingerprint && now - current.WrittenAt < refreshInterval)
            {
                return false;
            }

            if (_entries.TryUpdate(conversationId, claim, current))
            {
                return true;
            }
        }
    }

    /// <summary>Drops the entry after a failed write, so the next turn tries again.</summary>
    public void Forget(string conversationId) => _entries.TryRemove(conversationId, out _);

    private sealed record Entry(string Fingerprint, DateTimeOffset WrittenAt);
}
