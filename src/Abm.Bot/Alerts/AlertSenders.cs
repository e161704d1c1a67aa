using System.Net;
using Abm.Bot.Cards;
using Abm.Bot.Slack.Api;
using Abm.Bot.Slack.BlockKit;
using Abm.Bot.Teams;
using Abm.Core.Alerts;
using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Bot.Alerts;

/// <summary>What became of one send.</summary>
internal abstract record SendOutcome
{
    /// <summary>Delivered; where, so the message can be edited later.</summary>
    public sealed record Sent(string ConversationId, string MessageId) : SendOutcome;

    /// <summary>A 429, 5xx or network failure: try again later.</summary>
    public sealed record Retry(string Reason) : SendOutcome;

    /// <summary>The conversation removed the bot or no longer exists: never try again.</summary>
    public sealed record Gone(string Reason) : SendOutcome;
}

/// <summary>Sends alert messages to one chat service.</summary>
internal interface IAlertSender
{
    Task<SendOutcome> SendAsync(AbmDbContext db, OutboxMessage message, SlackOrTeamsContent content, CancellationToken cancellationToken);

    Task<SendOutcome> UpdateAsync(AbmDbContext db, OutboxMessage original, SlackOrTeamsContent content, CancellationToken cancellationToken);
}

/// <summary>A message rendered for both services; each sender takes its own.</summary>
internal sealed record SlackOrTeamsContent(AdaptiveCard Card, SlackMessage Slack);

/// <summary>
/// Teams: proactive messages through the Bot Connector at the service URL stored from Teams'
/// own activities or configured (never one from elsewhere). A channel post starts a new thread;
/// an owner is messaged in their personal chat with the bot.
/// </summary>
internal sealed class TeamsAlertSender(ConnectorClient connector, TeamsPersonalChats chats) : IAlertSender
{
    public async Task<SendOutcome> SendAsync(AbmDbContext db, OutboxMessage message, SlackOrTeamsContent content, CancellationToken cancellationToken)
    {
        if (message.Direct)
        {
            return await SendDirectAsync(message.Target, content, cancellationToken);
        }

        var reference = await db.ConversationReferences.AsNoTracking().FirstOrDefaultAsync(r => r.Channel == OutboxPlanner.Teams && r.ConversationId == message.Target, cancellationToken);
        if (reference is null || !reference.IsActive)
        {
            return new SendOutcome.Gone("the bot is not installed in the conversation");
        }

        return await CallAsync(async () =>
        {
            var response = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, Activity(content), cancellationToken);
            return new SendOutcome.Sent(reference.ConversationId, response?.Id ?? string.Empty);
        });
    }

    /// <summary>
    /// Messages a user in their personal chat with the bot, which <see cref="TeamsPersonalChats"/>
    /// creates and stores when the user never wrote to the bot.
    /// </summary>
    private Task<SendOutcome> SendDirectAsync(string userId, SlackOrTeamsContent content, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var chat = await chats.FindOrCreateAsync(userId, cancellationToken);
            if (chat is null)
            {
                return new SendOutcome.Gone("no Teams conversation to learn the service URL and tenant from");
            }

            var response = await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, Activity(content), cancellationToken);
            return new SendOutcome.Sent(chat.ConversationId, response?.Id ?? string.Empty);
        });

    public async Task<SendOutcome> UpdateAsync(AbmDbContext db, OutboxMessage original, SlackOrTeamsContent content, CancellationToken cancellationToken)
    {
        var reference = await db.ConversationReferences.AsNoTracking().FirstOrDefaultAsync(r => r.Channel == OutboxPlanner.Teams && r.ConversationId == original.SentConversationId, cancellationToken);
        if (reference is null || !reference.IsActive || string.IsNullOrEmpty(original.SentMessageId))
        {
            return new SendOutcome.Gone("the original message's conversation is gone");
        }

        return await CallAsync(async () =>
        {
            await connector.UpdateActivityAsync(reference.ServiceUrl, reference.ConversationId, original.SentMessageId, Activity(content), cancellationToken);
            return new SendOutcome.Sent(reference.ConversationId, original.SentMessageId);
        });
    }

    private static Activity Activity(SlackOrTeamsContent content) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardJson.ToElement(content.Card) }],
    };

    private static async Task<SendOutcome> CallAsync(Func<Task<SendOutcome>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return new SendOutcome.Gone($"Bot Connector {(int)ex.StatusCode!}");
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome.Retry(ex.StatusCode is { } status ? $"Bot Connector {(int)status}" : "network failure");
        }
        catch (TaskCanceledException)
        {
            return new SendOutcome.Retry("timeout");
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return new SendOutcome.Retry("timeout");
        }
    }
}

/// <summary>Slack: <c>chat.postMessage</c> to the channel (or the owner's DM), <c>chat.update</c> to edit.</summary>
internal sealed class SlackAlertSender(SlackApiClient slack) : IAlertSender
{
    private static readonly HashSet<string> GoneErrors = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "account_inactive",
        "user_not_found", "user_disabled", "cannot_dm_bot", "restricted_action", "message_not_found", "cant_update_message",
    };

    public Task<SendOutcome> SendAsync(AbmDbContext db, OutboxMessage message, SlackOrTeamsContent content, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var channel = message.Direct ? await slack.OpenDirectMessageAsync(message.Target, cancellationToken) : message.Target;
            var response = await slack.PostMessageAsync(channel, content.Slack, null, cancellationToken);
            return new SendOutcome.Sent(response.Channel ?? channel, response.Ts ?? string.Empty);
        });

    public Task<SendOutcome> UpdateAsync(AbmDbContext db, OutboxMessage original, SlackOrTeamsContent content, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var response = await slack.UpdateMessageAsync(original.SentConversationId!, original.SentMessageId!, content.Slack, cancellationToken);
            return new SendOutcome.Sent(original.SentConversationId!, response.Ts ?? original.SentMessageId!);
        });

    private static async Task<SendOutcome> CallAsync(Func<Task<SendOutcome>> call)
    {
        try
        {
            return await call();
        }
        catch (SlackApiException ex) when (GoneErrors.Contains(ex.Error))
        {
            return new SendOutcome.Gone(ex.Error);
        }
        catch (SlackApiException ex)
        {
            return new SendOutcome.Retry(ex.Error);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return new SendOutcome.Gone($"Slack HTTP {(int)ex.StatusCode!}");
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome.Retry(ex.StatusCode is { } status ? $"Slack HTTP {(int)status}" : "network failure");
        }
        catch (TaskCanceledException)
        {
            return new SendOutcome.Retry("timeout");
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return new SendOutcome.Retry("timeout");
        }
    }
}
