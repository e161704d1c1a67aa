using System.Text;
using System.Text.Json;
using Abm.Bot.Slack.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Bot.Tests.Slack;

public class SlackSignatureVerifierTests
{
    private static readonly JsonElement Vector =
        JsonDocument.Parse(File.ReadAllBytes(SharedSpec.SlackPayload("signature-test-vector.docs-example.json"))).RootElement;

    private static string Secret => Vector.GetProperty("signing_secret").GetString()!;

    private static string Timestamp => Vector.GetProperty("request_headers").GetProperty("X-Slack-Request-Timestamp").GetString()!;

    private static string Expected => Vector.GetProperty("expected_signature").GetString()!;

    private static byte[] Body => SharedSpec.ReadSlackPayload(Vector.GetProperty("body_file").GetString()!);

    private static SlackSignatureVerifier At(long unixSeconds, string? secret = null) =>
        new(secret ?? Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    private static long Now => Vector.GetProperty("clock_now_for_valid_check").GetInt64();

    [Fact]
    public void OfficialVector_IsValid()
    {
        Assert.Equal(SignatureCheck.Valid, At(Now).Verify(Timestamp, Expected, Body));
    }

    [Fact]
    public void OfficialVector_SignMatchesExpected()
    {
        Assert.Equal(Expected, At(Now).Sign(Timestamp, Body));
    }

    [Fact]
    public void OfficialVector_BodyFileMatchesInlineBody()
    {
        Assert.Equal(Vector.GetProperty("body").GetString(), Encoding.UTF8.GetString(Body));
    }

    [Fact]
    public void AlteredBody_IsMismatch()
    {
        var altered = Body.Concat("------"u8.ToArray()).ToArray();
        Assert.Equal(SignatureCheck.Mismatch, At(Now).Verify(Timestamp, Expected, altered));
    }

    [Fact]
    public void AlteredTimestamp_IsMismatch()
    {
        var other = (long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SignatureCheck.Mismatch, At(Now).Verify(other, Expected, Body));
    }

    [Fact]
    public void WrongSecret_IsMismatch()
    {
        Assert.Equal(SignatureCheck.Mismatch, At(Now, "another-secret").Verify(Timestamp, Expected, Body));
    }

    [Fact]
    public void StaleTimestamp_IsRejected()
    {
        Assert.Equal(SignatureCheck.StaleTimestamp, At(Now + 301).Verify(Timestamp, Expected, Body));
    }

    [Fact]
    public void FutureTimestamp_IsRejected()
    {
        Assert.Equal(SignatureCheck.FutureTimestamp, At(Now - 301).Verify(Timestamp, Expected, Body));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void TimestampAtWindowEdge_IsValid(long offset)
    {
        Assert.Equal(SignatureCheck.Valid, At(Now + offset).Verify(Timestamp, Expected, Body));
    }

    [Fact]
    public void NegativeCasesFromVector_AreAllRejected()
    {
        foreach (var negative in Vector.GetProperty("negative_cases").EnumerateArray())
        {
            var clock = negative.TryGetProperty("clock_now", out var c) ? c.GetInt64() : Now;
            var body = negative.TryGetProperty("body_suffix", out var suffix)
                ? Body.Concat(Encoding.UTF8.GetBytes(suffix.GetString()!)).ToArray()
                : Body;
            Assert.NotEqual(SignatureCheck.Valid, At(clock).Verify(Timestamp, Expected, body));
        }
    }

    [Fact]
    public void MissingTimestamp_IsRejected()
    {
        Assert.Equal(SignatureCheck.MissingTimestamp, At(Now).Verify(null, Expected, Body));
    }

    [Fact]
    public void MissingSignature_IsRejected()
    {
        Assert.Equal(SignatureCheck.MissingSignature, At(Now).Verify(Timestamp, "", Body));
    }

    [Theory]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("abc")]
    public void MalformedTimestamp_IsRejected(string timestamp)
    {
        Assert.Equal(SignatureCheck.MalformedTimestamp, At(Now).Verify(timestamp, Expected, Body));
    }

    [Theory]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57")]
    [InlineData("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void MalformedSignature_IsRejected(string signature)
    {
        Assert.Equal(SignatureCheck.MalformedSignature, At(Now).Verify(Timestamp, signature, Body));
    }

    [Fact]
    public void UppercaseHexSignature_IsValid()
    {
        var upper = "v0=" + Expected[3..].ToUpperInvariant();
        Assert.Equal(SignatureCheck.Valid, At(Now).Verify(Timestamp, upper, Body));
    }
}
