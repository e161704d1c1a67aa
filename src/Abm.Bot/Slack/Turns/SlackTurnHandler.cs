using Abm.Bot.Slack.Api;
using Abm.Bot.Slack.BlockKit;
using Abm.Bot.Slack.Inbound;
using Abm.Core.Answers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Slack.Turns;

/// <summary>Does one turn's work after Slack was acknowledged: ask the core, render, post.</summary>
public sealed class SlackTurnHandler(
    IAssistant assistant,
    SlackApiClient api,
    SlackAskerResolver askers,
    IOptions<SlackOptions> options,
    IEnumerable<ISlackInteractionHandler> interactionHandlers,
    ILogger<SlackTurnHandler> logger)
{
    /// <summary>What a mention with no words after it asks.</summary>
    public const string EmptyQuestion = "help";

    private static readonly SlackMessage FailureNotice = new(
        "Sorry, Abm could not answer that just now. Please try again in a minute.", []);

    // Errors that mean Slack rejected the blocks; the answer is sent again as text alone.
    private static readonly HashSet<string> BlockErrors = new(StringComparer.Ordinal)
    {
        "invalid_blocks", "invalid_blocks_format", "msg_too_long", "msg_blocks_too_long",
    };

    public async Task HandleAsync(SlackTurn turn, CancellationToken cancellationToken)
    {
        switch (turn)
        {
            case EventQuestionTurn question:
                await AnswerEventAsync(question.Question, cancellationToken);
                break;
            case CommandQuestionTurn command:
                await AnswerCommandAsync(command.Command, cancellationToken);
                break;
            case OpenAskModalTurn modal:
                await api.OpenViewAsync(modal.Command.TriggerId ?? string.Empty, AskModal.Build(), cancellationToken);
                break;
            case ModalQuestionTurn modalQuestion:
                await AnswerModalAsync(modalQuestion, cancellationToken);
                break;
            case ButtonTurn button when interactionHandlers.FirstOrDefault(h => h.CanHandle(button.Verb)) is { } handler:
                await handler.HandleButtonAsync(button, await askers.ResolveAsync(button.UserId, null, cancellationToken), cancellationToken);
                break;
            case ButtonTurn button:
                await RunButtonAsync(button, cancellationToken);
                break;
            case ViewSubmissionTurn submission when interactionHandlers.FirstOrDefault(h => h.CanHandle(submission.CallbackId)) is { } handler:
                await handler.HandleSubmissionAsync(submission, await askers.ResolveAsync(submission.UserId, null, cancellationToken), cancellationToken);
                break;
            default:
                throw new ArgumentException($"Unknown Slack turn type {turn.GetType().Name}.", nameof(turn));
        }

        Log.SlackTurnAnswered(logger, turn.Id);
    }

    /// <summary>Tells the asker that the turn failed, where Slack offers a way to reach only them.</summary>
    public async Task NotifyFailureAsync(SlackTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            switch (turn)
            {
                case EventQuestionTurn { Question: var q }:
                    await api.PostEphemeralAsync(q.Channel, q.UserId, FailureNotice, q.ThreadTs, cancellationToken);
                    break;
                case CommandQuestionTurn { Command.ResponseUrl: var url } when TryGetResponseUrl(url, out var uri):
                    await api.PostToResponseUrlAsync(uri, new ResponseUrlMessage(FailureNotice.Text, null, "ephemeral", null), cancellationToken);
                    break;
                case ButtonTurn { ResponseUrl: var url } when TryGetResponseUrl(url, out var uri):
                    await api.PostToResponseUrlAsync(uri, new ResponseUrlMessage(FailureNotice.Text, null, "ephemeral", false), cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            Log.SlackFailureNoticeFailed(logger, ex, turn.Id);
        }
    }

    private async Task AnswerEventAsync(SlackQuestionEvent question, CancellationToken cancellationToken)
    {
        var asker = await askers.ResolveAsync(question.UserId, null, cancellationToken) with { ConversationId = question.Channel };
        var text = string.IsNullOrWhiteSpace(question.Question) ? EmptyQuestion : question.Question;
        var reply = QuestionLength.CheckLength(text) ?? await assistant.AskAsync(text, asker, cancellationToken);

        // A question asked in a thread is answered in that thread; ts values stay strings.
        await PostMessageAsync(question.Channel, BlockKitRenderer.Render(reply), question.ThreadTs, cancellationToken);
    }

    private async Task AnswerCommandAsync(SlackSlashCommand command, CancellationToken cancellationToken)
    {
        var asker = await askers.ResolveAsync(command.UserId ?? string.Empty, command.UserName, cancellationToken) with { ConversationId = command.ChannelId };
        var reply = QuestionLength.CheckLength(command.Text) ?? await assistant.AskAsync(command.Text, asker, cancellationToken);
        var message = BlockKitRenderer.Render(reply);
        if (TryGetResponseUrl(command.ResponseUrl, out var responseUrl))
        {
            await api.PostToResponseUrlAsync(responseUrl, new ResponseUrlMessage(message.Text, message.Blocks, "ephemeral", null), cancellationToken);
            return;
        }

        await api.PostEphemeralAsync(command.ChannelId ?? string.Empty, command.UserId ?? string.Empty, message, null, cancellationToken);
    }

    private async Task AnswerModalAsync(ModalQuestionTurn turn, CancellationToken cancellationToken)
    {
        // The reply goes to the direct message channel, so commands such as "subscribe this channel" act on it.
        var channel = await api.OpenDirectMessageAsync(turn.UserId, cancellationToken);
        var asker = await askers.ResolveAsync(turn.UserId, null, cancellationToken) with { ConversationId = channel };
        var reply = QuestionLength.CheckLength(turn.Question) ?? await assistant.AskAsync(turn.Question, asker, cancellationToken);
        await PostMessageAsync(channel, BlockKitRenderer.Render(reply), null, cancellationToken);
    }

    private async Task RunButtonAsync(ButtonTurn button, CancellationToken cancellationToken)
    {
        var asker = await askers.ResolveAsync(button.UserId, null, cancellationToken) with { ConversationId = button.Channel };
        var reply = await assistant.ExecuteAsync(button.Verb, button.Data, asker, cancellationToken);
        var message = BlockKitRenderer.Render(reply);

        // Ephemeral messages cannot be edited with chat.update; their response_url replaces them.
        if (!button.IsEphemeral && button.Channel is not null && button.MessageTs is not null)
        {
            try
            {
                await api.UpdateMessageAsync(button.Channel, button.MessageTs, message, cancellationToken);
            }
            catch (SlackApiException ex) when (BlockErrors.Contains(ex.Error))
            {
                Log.SlackFallbackToText(logger, ex.Method, ex.Error);
                await api.UpdateMessageAsync(button.Channel, button.MessageTs, message with { Blocks = [] }, cancellationToken);
            }

            return;
        }

        if (TryGetResponseUrl(button.ResponseUrl, out var responseUrl))
        {
            await api.PostToResponseUrlAsync(responseUrl, new ResponseUrlMessage(message.Text, message.Blocks, null, true), cancellationToken);
        }
    }

    private async Task PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        try
        {
            await api.PostMessageAsync(channel, message, threadTs, cancellationToken);
        }
        catch (SlackApiException ex) when (BlockErrors.Contains(ex.Error))
        {
            Log.SlackFallbackToText(logger, ex.Method, ex.Error);
            await api.PostMessageAsync(channel, message with { Blocks = [] }, threadTs, cancellationToken);
        }
    }

    /// <summary>Accepts a response_url only under the configured base, so a payload cannot aim Abm's posts elsewhere.</summary>
    private bool TryGetResponseUrl(string? value, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrEmpty(value) || !Uri.TryCreate(value, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        var allowed = options.Value.ResponseUrlBase;
        if (!string.Equals(parsed.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(parsed.Authority, allowed.Authority, StringComparison.OrdinalIgnoreCase) ||
            !parsed.AbsolutePath.StartsWith(allowed.AbsolutePath, StringComparison.Ordinal))
        {
            Log.SlackResponseUrlRejected(logger);
            return false;
        }

        uri = parsed;
        return true;
    }
}
