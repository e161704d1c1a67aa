using System.Text.Json;
using Abm.Bot.Approvals;
using Abm.Bot.Cards;
using Abm.Core.Answers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Teams;

/// <summary>
/// Answers invokes inside the HTTP response. <c>adaptiveCard/action</c> runs the button's verb
/// through the assistant and returns the new card; any other invoke gets an empty 200.
/// </summary>
internal sealed class InvokeTurn(
    IAssistant assistant,
    TeamsAskerResolver askers,
    IEnumerable<ITeamsCardActionHandler> handlers,
    IOptions<TeamsOptions> options,
    ILogger<InvokeTurn> logger)
{
    public async Task<IResult> HandleAsync(Activity activity, CancellationToken requestAborted)
    {
        if (!string.Equals(activity.Name, ActivityTypes.AdaptiveCardAction, StringComparison.Ordinal))
        {
            Log.InvokeIgnored(logger, activity.Name, activity.Id);
            return Results.Ok();
        }

        if (!TryReadAction(activity.Value, out var verb, out var data))
        {
            Log.BodyRejected(logger, "the adaptiveCard/action invoke has no value.action.verb");
            return Respond(AdaptiveCardInvokeResponse.BadRequest("The card action has no verb."));
        }

        var timeout = options.Value.InvokeTimeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeoutSource.CancelAfter(timeout);

        try
        {
            var asker = await askers.ResolveAsync(activity, timeoutSource.Token);
            if (handlers.FirstOrDefault(h => h.CanHandle(verb)) is { } handler)
            {
                return Respond(await handler.HandleAsync(verb, data, asker, timeoutSource.Token));
            }

            var reply = await assistant.ExecuteAsync(verb, data, asker, timeoutSource.Token);
            Log.TurnCompleted(logger, ActivityTypes.AdaptiveCardAction);
            return Respond(AdaptiveCardInvokeResponse.Card(ReplyActivities.RenderCard(reply)));
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !requestAborted.IsCancellationRequested)
        {
            Log.TurnTimedOut(logger, ActivityTypes.AdaptiveCardAction, timeout);
            return Respond(AdaptiveCardInvokeResponse.Error(500, "Timeout", "Abm timed out while running this action. Please try again."));
        }
        catch (ArgumentException exception)
        {
            Log.TurnFailed(logger, ActivityTypes.AdaptiveCardAction, exception);
            return Respond(AdaptiveCardInvokeResponse.BadRequest("Abm could not run this card action. Ask again to get a fresh card."));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.TurnFailed(logger, ActivityTypes.AdaptiveCardAction, exception);
            return Respond(AdaptiveCardInvokeResponse.Error(500, "InternalServerError", "Something went wrong while running this card action. Please try again."));
        }
    }

    private static IResult Respond(AdaptiveCardInvokeResponse response) =>
        Results.Json(response, CardJson.Options, statusCode: StatusCodes.Status200OK);

    private static bool TryReadAction(JsonElement? value, out string verb, out IReadOnlyDictionary<string, string> data)
    {
        verb = string.Empty;
        data = new Dictionary<string, string>(StringComparer.Ordinal);

        if (value is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("verb", out var verbValue)
            || verbValue.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(verbValue.GetString()))
        {
            return false;
        }

        verb = verbValue.GetString()!;
        if (action.TryGetProperty("data", out var dataValue))
        {
            data = CardActionData.ReadData(dataValue, skipKey: null);
        }

        return true;
    }
}
