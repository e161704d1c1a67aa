using System.Text.Json;
using Abm.Bot.Cards;
using Abm.Core.Answers;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Teams;

/// <summary>
/// Answers a message: works out who asked, removes the bot's mention, asks the assistant (or runs
/// the verb of an <c>Action.Submit</c> button) and replies with a card through the Bot Connector.
/// </summary>
internal sealed class MessageTurn(IServiceScopeFactory scopes, ConnectorClient connector, ILogger<MessageTurn> logger)
{
    public async Task RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl!;
        var conversationId = activity.Conversation!.Id!;

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var assistant = scope.ServiceProvider.GetRequiredService<IAssistant>();
            var askers = scope.ServiceProvider.GetRequiredService<TeamsAskerResolver>();
            var references = scope.ServiceProvider.GetRequiredService<ConversationReferences>();

            await references.SaveAsync(activity, cancellationToken);
            var asker = await askers.ResolveAsync(activity, cancellationToken);

            Reply reply;
            if (CardActionData.TryRead(activity.Value, CardBlocks.FallbackVerbKey, out var verb, out var data))
            {
                reply = await assistant.ExecuteAsync(verb, data, asker, cancellationToken);
            }
            else
            {
                var question = MentionText.RemoveBotMention(activity);
                reply = QuestionLength.CheckLength(question)
                    ?? await assistant.AskAsync(question.Length == 0 ? "help" : question, asker, cancellationToken);
            }

            var outgoing = ReplyActivities.CardReply(activity, reply);
            await SendAsync(serviceUrl, conversationId, activity.Id, outgoing, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await TellUserAboutFailureAsync(activity, exception);
            throw;
        }
    }

    private Task<ResourceResponse?> SendAsync(string serviceUrl, string conversationId, string? replyToId, Activity outgoing, CancellationToken cancellationToken) =>
        replyToId is null
            ? connector.SendToConversationAsync(serviceUrl, conversationId, outgoing, cancellationToken)
            : connector.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, outgoing, cancellationToken);

    /// <summary>Sends a short apology so the user is not left waiting; a failure here is only logged.</summary>
    private async Task TellUserAboutFailureAsync(Activity activity, Exception failure)
    {
        if (failure is HttpRequestException)
        {
            // The connector itself failed; a second message would most likely fail the same way.
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var notice = ReplyActivities.TextMessage(activity, "Sorry, something went wrong while answering. Please try again in a moment.");
            await SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id, notice, timeout.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            Log.FailureNoticeFailed(logger, ActivityTypes.Message, exception);
        }
    }
}

/// <summary>Reads the verb and data of a card button press into the assistant's string dictionary.</summary>
internal static class CardActionData
{
    /// <summary>
    /// Reads <paramref name="verbKey"/> and the remaining properties of a JSON object. Strings are
    /// kept as they are, other values as their JSON text; the Teams-only <c>msteams</c> key is dropped.
    /// </summary>
    public static bool TryRead(JsonElement? value, string verbKey, out string verb, out IReadOnlyDictionary<string, string> data)
    {
        verb = string.Empty;
        data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty(verbKey, out var verbValue)
            || verbValue.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(verbValue.GetString()))
        {
            return false;
        }

        verb = verbValue.GetString()!;
        data = ReadData(json, verbKey);
        return true;
    }

    public static Dictionary<string, string> ReadData(JsonElement json, string? skipKey)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json.ValueKind != JsonValueKind.Object)
        {
            return data;
        }

        foreach (var property in json.EnumerateObject())
        {
            if (property.NameEquals("msteams") || (skipKey is not null && property.NameEquals(skipKey)))
            {
                continue;
            }

            data[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Null => string.Empty,
                _ => property.Value.GetRawText(),
            };
        }

        return data;
    }
}
