using System.Net;
using System.Text.Json;
using Abm.Bot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Teams;

/// <summary>The Teams messaging endpoint: verify the token, parse the activity, dispatch, respond.</summary>
public static class TeamsEndpoints
{
    public const string MessagesPath = "/api/messages";

    public static IEndpointRouteBuilder MapAbmTeams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MessagesPath, HandleActivityAsync)
            .WithRequestBodyLimit(TeamsOptions.SectionName + ":MaxRequestBodyBytes", services => services.GetRequiredService<IOptions<TeamsOptions>>().Value.MaxRequestBodyBytes);

        // The local Teams client probes the endpoint with HEAD before it sends anything.
        endpoints.MapMethods(MessagesPath, [HttpMethods.Head], () => Results.Ok());
        return endpoints;
    }

    private static async Task<IResult> HandleActivityAsync(
        HttpContext context,
        BotTokenValidator validator,
        TeamsBot bot,
        IOptions<TeamsOptions> options,
        ILogger<TeamsBot> logger)
    {
        var cancellationToken = context.RequestAborted;
        ValidatedToken? token = null;

        if (options.Value.AuthenticationEnabled)
        {
            var (check, validated) = await validator.ValidateAsync(context.Request.Headers.Authorization, cancellationToken);
            if (!check.Succeeded)
            {
                return Reject(logger, check);
            }

            token = validated;
        }
        else if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            // Defence in depth: the host refuses to start on other addresses without an app id.
            Log.NonLoopbackRequestRejected(logger, remote.ToString());
            return Reject(logger, TokenCheck.Unauthorized("authentication is off, so only loopback callers are accepted"));
        }

        var (activity, problem) = await ReadActivityAsync(context.Request, cancellationToken);
        if (activity is null)
        {
            Log.BodyRejected(logger, problem!);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity", detail: problem);
        }

        if (token is not null)
        {
            var check = validator.CheckActivity(token, activity);
            if (!check.Succeeded)
            {
                return Reject(logger, check);
            }
        }

        using var scope = Log.TurnScope(logger, activity.Id, activity.Conversation?.Id);
        return await bot.HandleAsync(activity, cancellationToken);
    }

    private static async Task<(Activity? Activity, string? Problem)> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ActivityJson.Options, cancellationToken);
        }
        catch (JsonException exception)
        {
            return (null, "The body is not a valid activity: " + exception.Message);
        }

        if (activity is null)
        {
            return (null, "The body is null; send one activity as a JSON object.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, "The activity has no type.");
        }

        var needsConversation =
            string.Equals(activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase)
            || string.Equals(activity.Type, ActivityTypes.ConversationUpdate, StringComparison.OrdinalIgnoreCase)
            || string.Equals(activity.Type, ActivityTypes.InstallationUpdate, StringComparison.OrdinalIgnoreCase);

        if (needsConversation && string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return (null, $"The {activity.Type} activity has no conversation.id, so Abm cannot reply to it.");
        }

        if (activity.ServiceUrl is not null && !IsHttpUri(activity.ServiceUrl))
        {
            return (null, $"The serviceUrl '{activity.ServiceUrl}' is not an absolute http or https URL.");
        }

        if (needsConversation && activity.ServiceUrl is null)
        {
            return (null, $"The {activity.Type} activity has no serviceUrl, so Abm cannot reply to it.");
        }

        return (activity, null);
    }

    private static bool IsHttpUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static IResult Reject(ILogger logger, TokenCheck check)
    {
        if (check.StatusCode == StatusCodes.Status401Unauthorized)
        {
            Log.TokenRejected(logger, check.Reason!);
        }

        return Results.Problem(statusCode: check.StatusCode, detail: "The request was rejected: " + check.Reason + ".");
    }
}
