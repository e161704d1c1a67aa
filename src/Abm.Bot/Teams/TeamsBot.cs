using Microsoft.Extensions.Logging;

namespace Abm.Bot.Teams;

/// <summary>
/// Dispatches an authenticated activity by type. Invoke results go in the HTTP response.
/// Messages and conversation updates are acknowledged at once and run on <see cref="TurnWorker"/>;
/// every other type gets 200 and a log line.
/// </summary>
internal sealed class TeamsBot(TurnQueue queue, MessageTurn messages, ConversationUpdateTurn updates, InvokeTurn invokes, ILogger<TeamsBot> logger)
{
    public async Task<IResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        Log.ActivityReceived(logger, activity.Type, activity.Id, activity.Name);

        if (Is(activity, ActivityTypes.Invoke))
        {
            return await invokes.HandleAsync(activity, cancellationToken);
        }

        if (Is(activity, ActivityTypes.Message))
        {
            return Enqueue(new TurnWork(ActivityTypes.Message, activity, messages.RunAsync));
        }

        if (Is(activity, ActivityTypes.ConversationUpdate) || Is(activity, ActivityTypes.InstallationUpdate))
        {
            return Enqueue(new TurnWork(activity.Type!, activity, updates.RunAsync));
        }

        Log.ActivityTypeIgnored(logger, activity.Type, activity.Id);
        return Results.Ok();
    }

    private IResult Enqueue(TurnWork work)
    {
        if (queue.TryEnqueue(work))
        {
            return Results.Ok();
        }

        Log.TurnQueueFull(logger, queue.Capacity, work.Activity.Id);
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "Abm is busy; retry the activity later.");
    }

    private static bool Is(Activity activity, string type) => string.Equals(activity.Type, type, StringComparison.OrdinalIgnoreCase);
}
