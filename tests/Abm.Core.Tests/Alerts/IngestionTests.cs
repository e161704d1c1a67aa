using System.Text;
using Abm.Core.Ingestion;

namespace Abm.Core.Tests.Alerts;

public class IngestionTests
{
    private const string Valid = """{"id":"v1","accountId":"acme","type":"web_visit","occurredAt":"2026-03-02T08:00:00Z"}""";

    [Fact]
    public async Task InvalidRecords_ReportedByIndex()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme");
        var body = $$"""[{{Valid}}, {"id":"x","accountId":"acme","type":"web_visit"}, 42, {"id":"y","accountId":"nobody","type":"web_visit","occurredAt":"2026-03-02T08:00:00Z"}]""";

        var result = await fixture.Ingestor.IngestAsync("hubspot", Parse(body), CancellationToken.None);

        Assert.Equal([1, 2, 3], result.Errors.Select(e => e.Index));
    }

    [Fact]
    public async Task InvalidRecords_NameTheField()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme");
        var body = """[{"id":"x","accountId":"acme","type":"web_visit","occurredAt":"yesterday"}]""";

        var result = await fixture.Ingestor.IngestAsync("hubspot", Parse(body), CancellationToken.None);

        Assert.Equal("occurredAt", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task InvalidRecords_ValidOnesStillStored()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme");
        var body = $$"""[{"id":"bad"}, {{Valid}}]""";

        await fixture.Ingestor.IngestAsync("hubspot", Parse(body), CancellationToken.None);

        using var db = fixture.Db();
        Assert.Equal(["v1"], db.Events.Select(e => e.SourceId).ToList());
    }

    [Fact]
    public async Task FutureEvent_Rejected()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme");
        var body = """[{"id":"f","accountId":"acme","type":"web_visit","occurredAt":"2026-03-02T09:10:00Z"}]""";

        var result = await fixture.Ingestor.IngestAsync("hubspot", Parse(body), CancellationToken.None);

        Assert.Contains("future", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedRequest_StoresOnce()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme");
        await fixture.Ingestor.IngestAsync("hubspot", Parse($"[{Valid}]"), CancellationToken.None);

        var second = await fixture.Ingestor.IngestAsync("hubspot", Parse($"[{Valid}]"), CancellationToken.None);

        Assert.Equal([0], second.Duplicates);
    }

    [Fact]
    public async Task SameIdFromOtherSource_IsNotDuplicate()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme");
        await fixture.Ingestor.IngestAsync("hubspot", Parse($"[{Valid}]"), CancellationToken.None);

        var other = await fixture.Ingestor.IngestAsync("marketo", Parse($"[{Valid}]"), CancellationToken.None);

        Assert.Equal(1, other.Accepted);
    }

    [Fact]
    public async Task DuplicateWithinRequest_StoredOnce()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme");

        var result = await fixture.Ingestor.IngestAsync("hubspot", Parse($"[{Valid},{Valid}]"), CancellationToken.None);

        Assert.Equal((1, 1), (result.Accepted, result.Duplicates.Count));
    }

    [Fact]
    public async Task AccountDomain_ResolvesTheAccount()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme");
        var body = """{"id":"d1","accountDomain":"ACME.example","type":"web_visit","occurredAt":"2026-03-02T08:00:00Z"}""";

        await fixture.Ingestor.IngestAsync("hubspot", Parse(body), CancellationToken.None);

        using var db = fixture.Db();
        Assert.Equal("acme", db.Events.Single().AccountId);
    }

    [Fact]
    public void Ndjson_BadLineIsOneRecordError()
    {
        var records = EventPayload.Parse(Encoding.UTF8.GetBytes(Valid + "\n{not json\n\n" + Valid + "\n"));

        Assert.Equal([false, true, false], records.Select(r => r.Error is not null));
    }

    [Fact]
    public void MalformedArray_Throws()
    {
        Assert.Throws<FormatException>(() => EventPayload.Parse(Encoding.UTF8.GetBytes("[{\"id\":")));
    }

    private static IReadOnlyList<RawRecord> Parse(string body) => EventPayload.Parse(Encoding.UTF8.GetBytes(body));
}
