using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Abm.LoadTest;

/// <summary>
/// The reference for the Teams figures: a plain Kestrel endpoint making the same HTTP round trips
/// as a turn (receive the activity, one POST to the connector) with no bot code in between.
/// Runs in its own process like the bot.
/// </summary>
internal static class BaselineServer
{
    public const string ReadyMarker = "Baseline listening on ";

    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHttpClient("connector");
        var app = builder.Build();
        app.MapPost(TeamsLoad.MessagesPath, async (HttpContext context, IHttpClientFactory clients) =>
        {
            using var activity = await JsonDocument.ParseAsync(context.Request.Body);
            var root = activity.RootElement;
            var serviceUrl = root.GetProperty("serviceUrl").GetString()!;
            var conversation = root.GetProperty("conversation").GetProperty("id").GetString()!;
            var replyTo = root.GetProperty("id").GetString()!;
            var reply = JsonSerializer.Serialize(new
            {
                type = "message",
                text = "echo: " + root.GetProperty("text").GetString(),
                replyToId = replyTo,
                conversation = new { id = conversation },
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{serviceUrl}v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{Uri.EscapeDataString(replyTo)}")
            {
                Content = new StringContent(reply, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Credentials.ConnectorToken);
            using var response = await clients.CreateClient("connector").SendAsync(request);
            return Results.StatusCode(response.IsSuccessStatusCode ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
        });

        await app.StartAsync();
        Console.WriteLine(ReadyMarker + app.Urls.First());
        var stopped = new TaskCompletionSource();
        using var registration = app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        await stopped.Task;
        await app.StopAsync();
    }
}
