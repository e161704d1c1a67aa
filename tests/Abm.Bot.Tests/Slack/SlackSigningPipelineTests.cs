using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Abm.Bot.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Bot.Tests.Slack;

public sealed class SlackSigningPipelineTests : SlackHostTest
{
    private static string Now(long offsetSeconds = 0) =>
        (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

    private static byte[] Question(string id) => Encoding.UTF8.GetBytes(SlackEvents.Message("Ev" + id, "D0DM00001", "1700000100.000001", "signed " + id));

    /// <summary>Waits for a correctly signed question's answer; turns run in order, so earlier requests had their chance.</summary>
    private async Task AssertNothingAnsweredBeforeSentinelAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        await Host.PostEventAsync(SlackEvents.Sentinel(id));
        await Api.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.Contains(id, StringComparison.Ordinal) == true);
        Assert.Single(Assistant.Questions);
    }

    public static TheoryData<string> Failures => ["wrong secret", "altered body", "altered timestamp", "stale", "future", "no timestamp", "no signature", "no headers"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task BadSignature_Returns401WithoutAnswer(string failure)
    {
        var body = Question("Bad");
        // The host checks against the real clock here, so the offsets stay far from the
        // 300-second limit; the exact boundary is tested with a fake clock.
        var timestamp = failure switch
        {
            "stale" => Now(-900),
            "future" => Now(900),
            _ => Now(),
        };
        var secret = failure == "wrong secret" ? "not-the-secret" : SlackTestHost.SigningSecret;
        var signature = new Abm.Bot.Slack.Inbound.SlackSignatureVerifier(secret, TimeProvider.System).Sign(timestamp, body);
        var headers = new Dictionary<string, string>
        {
            ["X-Slack-Request-Timestamp"] = failure == "altered timestamp" ? Now(1) : timestamp,
            ["X-Slack-Signature"] = signature,
        };
        if (failure is "no timestamp" or "no headers")
        {
            headers.Remove("X-Slack-Request-Timestamp");
        }

        if (failure is "no signature" or "no headers")
        {
            headers.Remove("X-Slack-Signature");
        }

        var sent = failure == "altered body" ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("signed", "forged", StringComparison.Ordinal)) : body;

        using var response = await Host.PostAsync(SlackServiceCollectionExtensions.EventsPath, sent, "application/json", headers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingAnsweredBeforeSentinelAsync();
    }

    [Theory]
    [InlineData("/api/slack/commands")]
    [InlineData("/api/slack/interactivity")]
    public async Task UnsignedForm_Returns401(string path)
    {
        using var response = await Host.PostAsync(path, "payload=%7B%7D"u8.ToArray(), "application/x-www-form-urlencoded", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UrlVerificationWithBadSignature_Returns401()
    {
        var body = SharedSpec.ReadSlackPayload("url_verification.docs-example.json");

        using var response = await Host.PostSignedAsync(SlackServiceCollectionExtensions.EventsPath, body, "application/json", secret: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_Returns413()
    {
        var body = new byte[(1024 * 1024) + 1];

        using var response = await Host.PostSignedAsync(SlackServiceCollectionExtensions.EventsPath, body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

public sealed class SlackOfficialVectorPipelineTests
{
    private static readonly JsonElement Vector =
        JsonDocument.Parse(File.ReadAllBytes(SharedSpec.SlackPayload("signature-test-vector.docs-example.json"))).RootElement;

    /// <summary>Sends the documented request byte for byte, with the clock at the documented instant plus an offset.</summary>
    private static async Task<HttpResponseMessage> PostVectorAsync(FakeSlackApi api, long clockOffsetSeconds)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Vector.GetProperty("clock_now_for_valid_check").GetInt64() + clockOffsetSeconds));
        await using var host = await SlackTestHost.StartAsync(api, new FakeAssistant(), clock, new Dictionary<string, string?>
        {
            ["Abm:Slack:SigningSecret"] = Vector.GetProperty("signing_secret").GetString(),
        });
        var headers = Vector.GetProperty("request_headers");
        var response = await host.PostAsync(
            SlackServiceCollectionExtensions.CommandsPath,
            SharedSpec.ReadSlackPayload(Vector.GetProperty("body_file").GetString()!),
            headers.GetProperty("Content-Type").GetString()!,
            new Dictionary<string, string>
            {
                ["X-Slack-Request-Timestamp"] = headers.GetProperty("X-Slack-Request-Timestamp").GetString()!,
                ["X-Slack-Signature"] = headers.GetProperty("X-Slack-Signature").GetString()!,
            });
        if (response.IsSuccessStatusCode)
        {
            await api.WaitForCallAsync("views.open");
        }

        return response;
    }

    [Fact]
    public async Task OfficialVector_OpensAskModal()
    {
        await using var api = await FakeSlackApi.StartAsync();

        using var response = await PostVectorAsync(api, 0);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", api.CallsTo("views.open").Single().Arg("trigger_id"));
        Assert.Empty(api.Problems);
    }

    [Fact]
    public async Task OfficialVector_StaleClock_Returns401()
    {
        await using var api = await FakeSlackApi.StartAsync();

        using var response = await PostVectorAsync(api, 301);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
