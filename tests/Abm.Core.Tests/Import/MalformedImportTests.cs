using Abm.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.Import;

public sealed class MalformedImportTests : IDisposable
{
    private const string Mapping = """
        source: test_crm
        accounts:
          - file: accounts.csv
            key: "t-{id}"
            fields:
              name: "{name}"
              employees: "{employees}"
        opportunities:
          - file: deals.csv
            key: "t-deal-{id}"
            fields:
              account: "t-{account_id}"
              stage: { template: "{stage}", map: { Open: discovery, Won: closed_won } }
              amount: "{amount}"
              createdAt: "{created}"
        events:
          - file: touches.csv
            key: "t-touch-{id}"
            fields:
              account: "t-{account_id}"
              type: web_visit
              function: "{team}"
              occurredAt: "{at}"
        """;

    private const string Accounts = "id,name,employees\n1,Alpha Ltd,120\n2,Beta Ltd,300\n";
    private const string Deals = "id,account_id,stage,amount,created\n10,1,Open,5000,2024-01-05\n11,2,Won,7000.50,2024-02-01\n";
    private const string Touches = "id,account_id,team,at\n100,1,marketing,2024-01-02T10:00:00Z\n101,2,sales,2024-01-03T11:30:00Z\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "abm-import-" + Guid.NewGuid().ToString("N"));
    private readonly ImportTestHost _host = new();

    public MalformedImportTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task Valid_Files_Import()
    {
        var result = await ImportAsync(Accounts, Deals, Touches);

        Assert.Equal(2, result.Accounts.Inserted);
        Assert.Equal(2, result.Opportunities.Inserted);
        Assert.Equal(2, result.Events.Inserted);
    }

    [Fact]
    public async Task BadDate_NamesFileLineColumnAndValue()
    {
        var error = await RejectedAsync(Accounts, Deals, Touches.Replace("2024-01-03T11:30:00Z", "03/01/2024 11:30", StringComparison.Ordinal));

        Assert.Equal("touches.csv", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal("at", error.Column);
        Assert.Equal("03/01/2024 11:30", error.Value);
        Assert.Contains("ISO 8601", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadNumber_NamesColumnAndExpectation()
    {
        var error = await RejectedAsync(Accounts.Replace("300", "3 hundred", StringComparison.Ordinal), Deals, Touches);

        Assert.Equal("accounts.csv", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal("employees", error.Column);
        Assert.Equal("3 hundred", error.Value);
        Assert.Contains("whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegativeAmount_IsRejected()
    {
        var error = await RejectedAsync(Accounts, Deals.Replace("5000", "-5", StringComparison.Ordinal), Touches);

        Assert.Equal("deals.csv", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal("amount", error.Column);
        Assert.Equal("-5", error.Value);
        Assert.Contains("0 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegativeEmployees_IsRejected()
    {
        var error = await RejectedAsync(Accounts.Replace("300", "-300", StringComparison.Ordinal), Deals, Touches);

        Assert.Equal("employees", error.Column);
        Assert.Equal("-300", error.Value);
    }

    [Fact]
    public async Task MissingKey_IsReported()
    {
        var error = await RejectedAsync(Accounts + ",Gamma Ltd,50\n", Deals, Touches);

        Assert.Equal(4, error.Line);
        Assert.Equal("id", error.Column);
        Assert.Contains("key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnmappedStage_ListsExpectedValues()
    {
        var error = await RejectedAsync(Accounts, Deals.Replace("Won", "Lost", StringComparison.Ordinal), Touches);

        Assert.Equal("deals.csv", error.File);
        Assert.Equal("stage", error.Column);
        Assert.Equal("Lost", error.Value);
        Assert.Contains("Open, Won", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEnumValue_ListsAllowedValues()
    {
        var error = await RejectedAsync(Accounts, Deals, Touches.Replace("sales", "finance", StringComparison.Ordinal));

        Assert.Equal("team", error.Column);
        Assert.Equal("finance", error.Value);
        Assert.Contains("sales_development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAccount_IsReported()
    {
        var error = await RejectedAsync(Accounts, Deals.Replace("11,2,", "11,9,", StringComparison.Ordinal), Touches);

        Assert.Equal("deals.csv", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("t-9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateKey_NamesBothLines()
    {
        var error = await RejectedAsync(Accounts + "1,Alpha Again,10\n", Deals, Touches);

        Assert.Equal(4, error.Line);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongFieldCount_IsReportedWithLine()
    {
        var error = await RejectedAsync(Accounts + "3,Gamma Ltd,50,extra\n", Deals, Touches);

        Assert.Equal("accounts.csv", error.File);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public async Task MissingFile_IsReportedBeforeReading()
    {
        WriteFiles(Accounts, Deals, Touches);
        File.Delete(Path.Combine(_directory, "touches.csv"));

        var exception = await Assert.ThrowsAsync<ImportException>(() => ImportMappingAsync(Mapping));

        Assert.Contains("touches.csv", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingColumn_ListsHeader()
    {
        var exception = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(Accounts.Replace("employees", "staff", StringComparison.Ordinal), Deals, Touches));

        var error = Assert.Single(exception.Errors);
        Assert.Contains("'employees'", error.Message, StringComparison.Ordinal);
        Assert.Contains("staff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMappingKey_IsRejected()
    {
        var exception = Assert.Throws<ImportException>(() => ImportMapping.Parse("typo.yml", Mapping.Replace("fields:", "feilds:", StringComparison.Ordinal)));

        Assert.Contains(exception.Errors, e => e.Message.Contains("feilds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidConstant_IsRejectedBeforeReading()
    {
        var mapping = Mapping.Replace("type: web_visit\n      function: \"{team}\"", "type: web_visit\n      function: marketting", StringComparison.Ordinal);
        WriteFiles(Accounts, Deals, Touches);

        var exception = await Assert.ThrowsAsync<ImportException>(() => ImportMappingAsync(mapping));

        Assert.Contains("marketting", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRow_LeavesDatabaseUnchanged()
    {
        await ImportAsync(Accounts, Deals, Touches);

        var changed = Accounts.Replace("Alpha Ltd", "Alpha Renamed", StringComparison.Ordinal);
        var badTouches = Touches + "102,1,marketing,yesterday\n";
        var moreDeals = Deals + "12,1,Open,100,2024-03-01\n";
        await Assert.ThrowsAsync<ImportException>(() => ImportAsync(changed, moreDeals, badTouches));

        await using var db = _host.Database.CreateContext();
        Assert.Equal("Alpha Ltd", (await db.Accounts.SingleAsync(a => a.Id == "t-1")).Name);
        Assert.Equal(2, await db.Opportunities.CountAsync());
        Assert.Equal(2, await db.Events.CountAsync());
        Assert.Equal(1, await db.ImportRuns.CountAsync());
    }

    [Fact]
    public async Task ChangedRow_IsUpdatedOnReimport()
    {
        await ImportAsync(Accounts, Deals, Touches);

        var result = await ImportAsync(Accounts.Replace("Alpha Ltd", "Alpha Renamed", StringComparison.Ordinal), Deals, Touches);

        Assert.Equal(1, result.Accounts.Updated);
        Assert.Equal(1, result.Accounts.Unchanged);
        Assert.Equal(2, result.Events.Unchanged);
    }

    private async Task<ImportError> RejectedAsync(string accounts, string deals, string touches)
    {
        var exception = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(accounts, deals, touches));
        return Assert.Single(exception.Errors);
    }

    private Task<ImportResult> ImportAsync(string accounts, string deals, string touches)
    {
        WriteFiles(accounts, deals, touches);
        return ImportMappingAsync(Mapping);
    }

    private Task<ImportResult> ImportMappingAsync(string mapping) =>
        _host.Service.ImportAsync(ImportMapping.Parse("test.yml", mapping), _directory, null, CancellationToken.None);

    private void WriteFiles(string accounts, string deals, string touches)
    {
        File.WriteAllText(Path.Combine(_directory, "accounts.csv"), accounts);
        File.WriteAllText(Path.Combine(_directory, "deals.csv"), deals);
        File.WriteAllText(Path.Combine(_directory, "touches.csv"), touches);
    }

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
