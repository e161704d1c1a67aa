using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Abm.Bot.Hosting;
using Abm.Bot.Teams;
using Abm.Core.Answers;
using Abm.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Teams.Fakes;

/// <summary>
/// The real bot host on Kestrel at 127.0.0.1 with a dynamic port, wired to a <see cref="FakeBotFramework"/>
/// for metadata, tokens and the connector, a fresh SQLite file and a <see cref="FakeAssistant"/>.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _databasePath;

    private BotTestHost(WebApplication app, FakeBotFramework fake, FakeAssistant assistant, string databasePath)
    {
        _app = app;
        Fake = fake;
        Assistant = assistant;
        _databasePath = databasePath;
        Client = new HttpClient(new LoopbackOnlyHandler { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(app.Urls.First()) };
    }

    public FakeBotFramework Fake { get; }

    public FakeAssistant Assistant { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The SQLite file this host stores its data in.</summary>
    public string DatabasePath => _databasePath;

    public static async Task<BotTestHost> StartAsync(
        FakeBotFramework fake,
        bool authentication = true,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "abm-teams-test-" + Guid.NewGuid().ToString("N") + ".db");
        var configuration = new Dictionary<string, string?>
        {
            ["Abm:Storage:ConnectionString"] = "Data Source=" + databasePath,
            ["Abm:Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["Abm:Demo:SeedOnEmpty"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        if (authentication)
        {
            configuration["Abm:Teams:AppId"] = TestKeys.AppId;
            configuration["Abm:Teams:AppPassword"] = "test-secret";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = BotHost.CreateBuilder([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(configuration);
        });

        var assistant = new FakeAssistant();
        builder.Services.AddSingleton<IAssistant>(assistant);
        configureServices?.Invoke(builder.Services);
        var loopback = new Uri(fake.BaseUrl);
        builder.Services.AddHttpClient(HttpClientNames.Login).AddHttpMessageHandler(() => new RewriteToLoopbackHandler(loopback));
        builder.Services.AddHttpClient(HttpClientNames.OpenId).AddHttpMessageHandler(() => new LoopbackOnlyHandler());
        builder.Services.AddHttpClient(HttpClientNames.Connector).AddHttpMessageHandler(() => new LoopbackOnlyHandler());

        var app = BotHost.Build(builder);
        await app.StartAsync();
        return new BotTestHost(app, fake, assistant, databasePath);
    }

    /// <summary>Posts an activity with the given bearer token (or none).</summary>
    public Task<HttpResponseMessage> PostActivityAsync(string json, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.MessagesPath)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Posts a sample activity re-pointed at the fake connector, with a valid token for it.</summary>
    public Task<HttpResponseMessage> PostSampleAsync(JsonObject activity)
    {
        activity["serviceUrl"] = Fake.ServiceUrl;
        return PostActivityAsync(FakeBotFramework.ToJson(activity), Fake.Keys.CreateToken(Fake.ServiceUrl));
    }

    public AbmDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<AbmDbContext>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }
}
