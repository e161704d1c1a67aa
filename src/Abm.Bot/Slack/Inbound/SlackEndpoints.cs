using System.Text;
using System.Text.Json;
using Abm.Bot.Slack.Api;
using Abm.Bot.Slack.BlockKit;
using Abm.Bot.Slack.Turns;
using Abm.Core.Demo;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Abm.Bot.Slack.Inbound;

/// <summary>
/// The three Slack request URLs. Each verifies the signature on the raw body, parses, queues
/// the work and acknowledges at once; answers are posted later by the turn worker.
/// </summary>
internal static class SlackEndpoints
{
    private static readonly IResult Ack = Results.Ok();

    /// <summary>How long an options lookup may take, inside Slack's 3-second limit with time left for the network.</summary>
    private static readonly TimeSpan OptionsDeadline = TimeSpan.FromSeconds(2);

    private const string BusyText = "Abm is busy right now. Please try again in a minute.";

    public static async Task<IResult> HandleEventAsync(
        HttpContext context, SlackRequestReader reader, SlackTurnQueue queue, IOptions<SlackOptions> options, ILogger<SlackRequestReader> logger)
    {
        var (body, failure) = await reader.ReadVerifiedAsync(context);
        if (failure is not null)
        {
            return failure;
        }

        SlackEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body.Span, SlackJsonContext.Default.SlackEnvelope);
        }
        catch (JsonException ex)
        {
            return BadRequest(context, logger, $"the body is not valid JSON ({ex.Message})");
        }

        if (envelope is null)
        {
            return BadRequest(context, logger, "the body is JSON null");
        }

        switch (envelope.Type)
        {
            case "url_verification":
                return Results.Text(envelope.Challenge ?? string.Empty, "text/plain", Encoding.UTF8);
            case "app_rate_limited":
                Log.SlackAppRateLimited(logger, envelope.TeamId);
                return Ack;
            case "event_callback":
                break;
            default:
                Log.SlackPayloadNotHandled(logger, "event", envelope.Type);
                return Ack;
        }

        if (context.Request.Headers.TryGetValue("X-Slack-Retry-Num", out var retryNum))
        {
            // A redelivery is queued like the first delivery; the turn's receipts stop a second answer.
            Log.SlackRedelivery(logger, retryNum.ToString(), context.Request.Headers["X-Slack-Retry-Reason"], envelope.EventId);
        }

        var question = SlackEventFilter.Read(envelope, options.Value.BotUserId, out var ignoredReason);
        if (question is null)
        {
            Log.SlackEventIgnored(logger, envelope.EventId, ignoredReason);
            return Ack;
        }

        // 503 makes Slack deliver the event again later, when the queue has room.
        return queue.TryEnqueue(new EventQuestionTurn(question)) ? Ack : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<IResult> HandleCommandAsync(
        HttpContext context, SlackRequestReader reader, SlackTurnQueue queue, ILogger<SlackRequestReader> logger)
    {
        var (body, failure) = await reader.ReadVerifiedAsync(context);
        if (failure is not null)
        {
            return failure;
        }

        var form = ParseForm(body);
        var command = new SlackSlashCommand(
            Field(form, "team_id"),
            Field(form, "channel_id"),
            Field(form, "user_id"),
            Field(form, "user_name"),
            Field(form, "command"),
            (Field(form, "text") ?? string.Empty).Trim(),
            Field(form, "response_url"),
            Field(form, "trigger_id"));
        if (string.IsNullOrEmpty(command.TriggerId) || string.IsNullOrEmpty(command.UserId))
        {
            return BadRequest(context, logger, "the slash command has no trigger_id or user_id");
        }

        SlackTurn turn = command.Text.Length == 0 ? new OpenAskModalTurn(command) : new CommandQuestionTurn(command);
        if (queue.TryEnqueue(turn))
        {
            return Ack;
        }

        // A slash command's response body is shown to the user, so the busy notice goes there.
        var busy = JsonSerializer.Serialize(new ResponseUrlMessage(BusyText, null, "ephemeral", null), SlackJsonContext.Default.ResponseUrlMessage);
        return Results.Text(busy, "application/json", Encoding.UTF8);
    }

    public static async Task<IResult> HandleInteractionAsync(
        HttpContext context, SlackRequestReader reader, SlackTurnQueue queue, ILogger<SlackRequestReader> logger)
    {
        var (body, failure) = await reader.ReadVerifiedAsync(context);
        if (failure is not null)
        {
            return failure;
        }

        var payload = Field(ParseForm(body), "payload");
        if (string.IsNullOrEmpty(payload))
        {
            return BadRequest(context, logger, "the form has no payload field");
        }

        SlackInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(payload, SlackJsonContext.Default.SlackInteraction);
        }
        catch (JsonException ex)
        {
            return BadRequest(context, logger, $"the payload field is not valid JSON ({ex.Message})");
        }

        return interaction?.Type switch
        {
            "block_actions" => QueueButtons(interaction, queue, logger),
            "view_submission" => SubmitView(interaction, queue),
            "block_suggestion" => await LoadOptionsAsync(interaction, context, logger),
            _ => NotHandled(logger, interaction?.Type),
        };
    }

    /// <summary>
    /// Returns the options for a <c>block_suggestion</c> (an <c>external_select</c> requesting
    /// options) in the response itself, because Slack shows no options unless they arrive within
    /// 3 seconds. A select no provider owns, or a lookup past the deadline, gets no options.
    /// </summary>
    private static async Task<IResult> LoadOptionsAsync(SlackInteraction interaction, HttpContext context, ILogger logger)
    {
        IReadOnlyList<SelectOption> options = [];
        var actionId = interaction.ActionId ?? string.Empty;
        var provider = context.RequestServices.GetServices<ISlackOptionsProvider>().FirstOrDefault(p => p.CanHandle(actionId));
        if (provider is null)
        {
            Log.SlackPayloadNotHandled(logger, "block_suggestion", actionId);
        }
        else
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            deadline.CancelAfter(OptionsDeadline);
            try
            {
                options = await provider.OptionsAsync(actionId, interaction.Value ?? string.Empty, interaction.View?.PrivateMetadata, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                Log.SlackOptionsFailed(logger, actionId, null);
            }
        }

        var body = JsonSerializer.Serialize(new OptionsResponse([.. options.Take(BlockKitLimits.SelectOptions)]), SlackJsonContext.Default.OptionsResponse);
        return Results.Text(body, "application/json", Encoding.UTF8);
    }

    private static IResult QueueButtons(SlackInteraction interaction, SlackTurnQueue queue, ILogger logger)
    {
        var teamId = interaction.Team?.Id ?? interaction.User?.TeamId ?? string.Empty;
        var userId = interaction.User?.Id;
        if (string.IsNullOrEmpty(userId) || interaction.Container?.Type == "view")
        {
            return NotHandled(logger, "block_actions in a view");
        }

        foreach (var action in interaction.Actions ?? [])
        {
            if (action.ActionId is null || !action.ActionId.StartsWith(MessageComposer.ActionIdPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var value = ReadButtonValue(action.Value);
            if (value is null)
            {
                Log.SlackButtonValueInvalid(logger, action.ActionId);
                continue;
            }

            var turn = new ButtonTurn(
                teamId,
                userId,
                action.ActionId,
                action.ActionTs ?? string.Empty,
                value.Verb,
                value.Data,
                interaction.Container?.ChannelId ?? interaction.Channel?.Id,
                interaction.Container?.MessageTs ?? interaction.Message?.Ts,
                interaction.Container?.IsEphemeral ?? false,
                interaction.ResponseUrl,
                interaction.TriggerId);
            if (!queue.TryEnqueue(turn))
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        }

        return Ack;
    }

    private static IResult SubmitView(SlackInteraction interaction, SlackTurnQueue queue)
    {
        var view = interaction.View;
        if (view?.CallbackId is { } callbackId && callbackId != AskModal.CallbackId && callbackId.StartsWith(MessageComposer.ActionIdPrefix, StringComparison.Ordinal)
            && !string.IsNullOrEmpty(view.Id) && !string.IsNullOrEmpty(interaction.User?.Id))
        {
            // Flatten the inputs to action id → value (a select's chosen option value).
            var values = (view.State?.Values ?? new Dictionary<string, Dictionary<string, SlackStateValue>>()).Values.SelectMany(block => block)
                .Where(input => (input.Value.Value ?? input.Value.SelectedOption?.Value) is not null)
                .ToDictionary(input => input.Key, input => (input.Value.Value ?? input.Value.SelectedOption?.Value)!, StringComparer.Ordinal);
            var submission = new ViewSubmissionTurn(interaction.Team?.Id ?? interaction.User.TeamId ?? string.Empty, interaction.User.Id, view.Id, view.Hash, callbackId, view.PrivateMetadata, values);
            return queue.TryEnqueue(submission) ? Ack : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (view?.CallbackId != AskModal.CallbackId || string.IsNullOrEmpty(view.Id) || string.IsNullOrEmpty(interaction.User?.Id))
        {
            return Ack;
        }

        var question = view.State?.Values?.GetValueOrDefault(AskModal.QuestionBlockId)?.GetValueOrDefault(AskModal.QuestionActionId)?.Value?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return ViewErrors($"Type a question, such as “tell me about {DemoDataGenerator.HotAccountName}”.");
        }

        var turn = new ModalQuestionTurn(interaction.Team?.Id ?? interaction.User.TeamId ?? string.Empty, interaction.User.Id, view.Id, view.Hash, question);

        // An empty 200 closes the modal; the answer follows in a direct message.
        return queue.TryEnqueue(turn) ? Ack : ViewErrors(BusyText);
    }

    private static IResult ViewErrors(string message)
    {
        var errors = new ViewSubmissionErrors(new Dictionary<string, string>(StringComparer.Ordinal) { [AskModal.QuestionBlockId] = message });
        return Results.Text(JsonSerializer.Serialize(errors, SlackJsonContext.Default.ViewSubmissionErrors), "application/json", Encoding.UTF8);
    }

    private static SlackButtonValue? ReadButtonValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(value, SlackJsonContext.Default.SlackButtonValue);
            return parsed is { Verb.Length: > 0, Data: not null } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult NotHandled(ILogger logger, string? type)
    {
        Log.SlackPayloadNotHandled(logger, "interaction", type);
        return Ack;
    }

    private static IResult BadRequest(HttpContext context, ILogger logger, string reason)
    {
        Log.SlackRequestRejected(logger, context.Request.Path, reason);
        return Results.Text($"Invalid Slack request: {reason}.", statusCode: StatusCodes.Status400BadRequest);
    }

    // Form bodies are still URL-encoded when signed; they are decoded only after the check.
    private static Dictionary<string, StringValues> ParseForm(ReadOnlyMemory<byte> body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body.Span));

    private static string? Field(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var value) ? value.ToString() : null;
}
