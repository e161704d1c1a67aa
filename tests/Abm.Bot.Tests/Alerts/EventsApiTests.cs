using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Abm.Core.Alerts;
using Abm.Core.Domain;
using Abm.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Alerts;

public class EventsApiTests
{
    [Fact]
    public async Task MissingKey_Returns401()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);

        using var response = await host.Client.PostAsync("/api/v1/events", Json("[]"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RevokedKey_Returns401()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var keys = host.Services.GetRequiredService<ApiKeyStore>();
        var key = await keys.CreateAsync("hubspot", CancellationToken.None);
        await keys.RevokeAsync(key.Id, CancellationToken.None);

        using var response = await PostAsync(host, key.Key, Json(Event("e1")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task XApiKeyHeader_Accepted()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var key = await CreateKeyAndAccountAsync(host);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = Json("[" + Event("e1") + "]") };
        request.Headers.Add("X-Api-Key", key);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(1, (await BodyAsync(response)).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task InvalidRecords_ReportedByIndexWithReason()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var key = await CreateKeyAndAccountAsync(host);
        var body = "[" + Event("ok1") + """,{"id":"bad","accountId":"acme","type":"web visit","occurredAt":"2026-01-01T00:00:00Z"},{"accountId":"acme"}]""";

        using var response = await PostAsync(host, key, Json(body));
        var errors = (await BodyAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("index").GetInt32()).ToList();

        Assert.Equal([1, 2, 2, 2], errors);
    }

    [Fact]
    public async Task Rejected_CountsEventsNotErrors()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var key = await CreateKeyAndAccountAsync(host);

        using var response = await PostAsync(host, key, Json("[{}]"));
        var body = await BodyAsync(response);

        Assert.Equal(1, body.GetProperty("rejected").GetInt32());
        Assert.True(body.GetProperty("errors").GetArrayLength() > 1);
    }

    [Fact]
    public async Task InvalidRecords_ValidOnesStored()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var key = await CreateKeyAndAccountAsync(host);

        using var response = await PostAsync(host, key, Json("[" + Event("ok1") + """,{"id":"bad"}]"""));

        await using var db = host.Db();
        Assert.Equal(["ok1"], await db.Events.Select(e => e.SourceId).ToListAsync());
    }

    [Fact]
    public async Task DuplicateRequest_StoresOnce()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var key = await CreateKeyAndAccountAsync(host);
        using var first = await PostAsync(host, key, Json("[" + Event("d1") + "]"));

        using var second = await PostAsync(host, key, Json("[" + Event("d1") + "]"));

        Assert.Equal(1, (await BodyAsync(second)).GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task Ndjson_BadLineRejectedOthersStored()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var key = await CreateKeyAndAccountAsync(host);
        var content = new StringContent(Event("n1") + "\n{oops\n" + Event("n2") + "\n", Encoding.UTF8, "application/x-ndjson");

        using var response = await PostAsync(host, key, content);

        Assert.Equal(2, (await BodyAsync(response)).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task OversizedBody_Returns413()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake, new Dictionary<string, string?> { ["Abm:Ingestion:MaxBodyBytes"] = "2048" });
        var key = await CreateKeyAndAccountAsync(host);
        var body = "[" + string.Join(",", Enumerable.Range(0, 40).Select(i => Event("big" + i))) + "]";

        using var response = await PostAsync(host, key, Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task OversizedChunkedBody_Returns413()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake, new Dictionary<string, string?> { ["Abm:Ingestion:MaxBodyBytes"] = "2048" });
        var key = await CreateKeyAndAccountAsync(host);
        var bytes = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 40).Select(i => Event("big" + i))) + "]");
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.TransferEncodingChunked = true;
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task TooManyRecords_Returns413()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake, new Dictionary<string, string?> { ["Abm:Ingestion:MaxRecords"] = "3" });
        var key = await CreateKeyAndAccountAsync(host);

        using var response = await PostAsync(host, key, Json("[" + string.Join(",", Enumerable.Range(0, 4).Select(i => Event("m" + i))) + "]"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task MalformedArray_Returns400()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var key = await CreateKeyAndAccountAsync(host);

        using var response = await PostAsync(host, key, Json("[{\"id\":"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task HotEvents_AlertPostedToSubscribedChannel()
    {
        await using var fake = await FakeChatServices.StartAsync();
        await using var host = await AlertTestHost.StartAsync(fake);
        var key = await CreateKeyAndAccountAsync(host);
        await host.SubscribeAsync(OutboxPlanner.Slack, "C-hot");
        var body = "[" + string.Join(",", Enumerable.Range(0, 6).Select(i => Event("hot" + i, "demo_request"))) + "]";

        using var response = await PostAsync(host, key, Json(body));
        await fake.WaitForAsync(d => d.Any(m => m.Conversation == "C-hot"));

        Assert.Contains("Acme", fake.Delivered.First(m => m.Conversation == "C-hot").Body, StringComparison.Ordinal);
    }

    private static string Event(string id, string type = "web_visit") =>
        $$"""{"id":"{{id}}","accountId":"acme","type":"{{type}}","occurredAt":"{{DateTimeOffset.UtcNow.AddMinutes(-1):O}}"}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(AlertTestHost host, string key, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return host.Client.SendAsync(request);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string> CreateKeyAndAccountAsync(AlertTestHost host)
    {
        await using (var db = host.Db())
        {
            db.Accounts.Add(new Account { Id = "acme", Name = "Acme", Domain = "acme.example", Industry = "Retail", Region = "EMEA" });
            await db.SaveChangesAsync();
        }

        return (await host.Services.GetRequiredService<ApiKeyStore>().CreateAsync("hubspot", CancellationToken.None)).Key;
    }
}
