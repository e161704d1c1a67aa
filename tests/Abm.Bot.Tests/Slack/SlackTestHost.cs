using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Abm.Bot.Slack;
using Abm.Bot.Slack.Inbound;
using Abm.Core.Answers;
using Abm.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Tests.Slack;

/// <summary>
/// The Slack adapter on real Kestrel at 127.0.0.1 (dynamic port), with a migrated SQLite file
/// in the temp folder, a fake assistant and the loopback fake Slack API. Turns run one at a time, so a
/// question sent last is answered last.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret";

    private readonly WebApplication _app;
    private readonly string _databasePath;

    private SlackTestHost(WebApplication app, string databasePath, HttpClient client)
    {
        _app = app;
        _databasePath = databasePath;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SlackTestHost> StartAsync(
        FakeSlackApi api,
        IAssistant assistant,
        TimeProvider? timeProvider = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var config = new Dictionary<string, string?>
        {
            ["Abm:Slack:SigningSecret"] = SigningSecret,
            ["Abm:Slack:BotToken"] = FakeSlackApi.Token,
            ["Abm:Slack:ApiBaseUrl"] = new Uri(api.BaseUrl, "api/").ToString(),
            ["Abm:Slack:ResponseUrlBase"] = new Uri(api.BaseUrl, "hooks/").ToString(),
            ["Abm:Slack:Concurrency"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);

        var databasePath = Path.Combine(Path.GetTempPath(), $"abm-slack-{Guid.NewGuid():N}.db");
        builder.Services.AddAbmStorage(new StorageOptions { ConnectionString = $"Data Source={databasePath};Pooling=false" });
        builder.Services.AddSingleton(assistant);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddAbmSlack(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlackEndpoints();

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new SlackTestHost(app, databasePath, client);
    }

    public async Task SeedAsync(params object[] entities)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    /// <summary>Posts a body signed like Slack signs it, with the current time unless a timestamp is given.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(
        string path,
        byte[] body,
        string contentType,
        string? timestamp = null,
        string secret = SigningSecret,
        IDictionary<string, string>? headers = null)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = new SlackSignatureVerifier(secret, TimeProvider.System).Sign(timestamp, body);
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>())
        {
            ["X-Slack-Request-Timestamp"] = timestamp,
            ["X-Slack-Signature"] = signature,
        };
        return PostAsync(path, body, contentType, all);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string contentType, IDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEventAsync(string json, IDictionary<string, string>? headers = null) =>
        PostSignedAsync(SlackServiceCollectionExtensions.EventsPath, Encoding.UTF8.GetBytes(json), "application/json", headers: headers);

    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        PostSignedAsync(path, Encoding.UTF8.GetBytes(FormBody(fields)), "application/x-www-form-urlencoded");

    public static string FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
