using Abm.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.Import;

public sealed class CrmExportImportTests : IDisposable
{
    private readonly ImportTestHost _host = new();

    [Fact]
    public async Task Salesforce_Counts_MatchFixtures()
    {
        var result = await ImportSalesforceAsync();

        Assert.Equal(3, result.People.Inserted);
        Assert.Equal(3, result.Accounts.Inserted);
        Assert.Equal(3, result.Contacts.Inserted);
        Assert.Equal(4, result.Opportunities.Inserted);
        Assert.Equal(4 + 2 + 2 + 1, result.Events.Inserted);
    }

    [Fact]
    public async Task Salesforce_Account_MapsStandardFields()
    {
        await ImportSalesforceAsync();

        await using var db = _host.Database.CreateContext();
        var uk = await db.Accounts.SingleAsync(a => a.Id == "sf-0015g00000XyZaBAAV");
        Assert.Equal("Fernhollow Instruments, UK", uk.Name);
        Assert.Equal("fernhollow-uk.example", uk.Domain);
        Assert.Equal("sf-0015g00000XyZaAAAV", uk.ParentAccountId);
        Assert.Equal("EMEA", uk.Region);
        Assert.Equal(48_000_000m, uk.AnnualRevenueUsd);
        var unknownCountry = await db.Accounts.SingleAsync(a => a.Id == "sf-0015g00000XyZaCAAV");
        Assert.Null(unknownCountry.Region);
        Assert.Null(unknownCountry.Employees);
    }

    [Fact]
    public async Task Salesforce_Opportunities_MapStagesAndCloseDates()
    {
        await ImportSalesforceAsync();

        await using var db = _host.Database.CreateContext();
        var won = await db.Opportunities.SingleAsync(o => o.Id == "sf-0065g00000LmNoAAAV");
        Assert.Equal(OpportunityStage.ClosedWon, won.Stage);
        Assert.Equal(new DateTimeOffset(2024, 3, 28, 0, 0, 0, TimeSpan.Zero), won.ClosedAt);
        var open = await db.Opportunities.SingleAsync(o => o.Id == "sf-0065g00000LmNoBAAV");
        Assert.Equal(OpportunityStage.Negotiation, open.Stage);
        Assert.Null(open.ClosedAt);
        Assert.True(open.IsExpansion);
        Assert.Equal(OpportunityStage.ClosedLost, (await db.Opportunities.SingleAsync(o => o.Id == "sf-0065g00000LmNoCAAV")).Stage);
        Assert.Equal(0m, (await db.Opportunities.SingleAsync(o => o.Id == "sf-0065g00000LmNoDAAV")).Amount);
    }

    [Fact]
    public async Task Salesforce_People_TakeRolesFromTitles()
    {
        await ImportSalesforceAsync();

        await using var db = _host.Database.CreateContext();
        var people = await db.People.ToDictionaryAsync(p => p.Id);
        Assert.Equal(PersonRole.Manager, people["sf-0055g00000AbCdEAAV"].Role);
        Assert.Equal(PersonRole.Rep, people["sf-0055g00000AbCdFAAV"].Role);
        Assert.Equal(PersonRole.Sdr, people["sf-0055g00000AbCdGAAV"].Role);
        Assert.Equal("sf-0055g00000AbCdEAAV", people["sf-0055g00000AbCdFAAV"].ManagerId);
        Assert.Equal("Europe/London", people["sf-0055g00000AbCdFAAV"].TimeZone);
    }

    [Fact]
    public async Task Salesforce_Activities_MapCallsAndMeetings()
    {
        await ImportSalesforceAsync();

        await using var db = _host.Database.CreateContext();
        var sdrCall = await db.Events.SingleAsync(e => e.SourceId == "sf-task-00T5g00000AaAaBAAV");
        Assert.Equal("call", sdrCall.Type);
        Assert.Equal(BusinessFunction.SalesDevelopment, sdrCall.Function);
        var meeting = await db.Events.SingleAsync(e => e.SourceId == "sf-event-00U5g00000BbBbAAAV");
        Assert.Equal("meeting", meeting.Type);
        Assert.Equal(60m, meeting.Quantity);
        Assert.False(await db.Events.AnyAsync(e => e.SourceId == "sf-task-00T5g00000AaAaCAAV"));
    }

    [Fact]
    public async Task Salesforce_Contacts_DeriveSeniority()
    {
        await ImportSalesforceAsync();

        await using var db = _host.Database.CreateContext();
        var contacts = await db.Contacts.ToDictionaryAsync(c => c.Id);
        Assert.Equal(Seniority.CLevel, contacts["sf-0035g00000PqRsAAAV"].Seniority);
        Assert.Equal(Seniority.Director, contacts["sf-0035g00000PqRsBAAV"].Seniority);
        Assert.Equal(Seniority.VicePresident, contacts["sf-0035g00000PqRsCAAV"].Seniority);
        Assert.Equal("Okafor", contacts["sf-0035g00000PqRsCAAV"].Name);
    }

    [Fact]
    public async Task Salesforce_WithoutActivityFiles_Imports()
    {
        var directory = Path.Combine(Path.GetTempPath(), "abm-sf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var file in new[] { "User.csv", "Account.csv", "Contact.csv", "Opportunity.csv" })
            {
                File.Copy(Path.Combine(RepositoryPaths.Fixtures, "salesforce", file), Path.Combine(directory, file));
            }

            var result = await _host.ImportAsync("salesforce.yml", directory);

            Assert.Equal(4 + 2, result.Events.Inserted);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task HubSpot_Counts_MatchFixtures()
    {
        var result = await ImportHubSpotAsync();

        Assert.Equal(2, result.People.Inserted);
        Assert.Equal(3, result.Accounts.Inserted);
        Assert.Equal(3, result.Contacts.Inserted);
        Assert.Equal(3, result.Opportunities.Inserted);
        Assert.Equal(3 + 1 + 3, result.Events.Inserted);
    }

    [Fact]
    public async Task HubSpot_Associations_ResolveByCompanyName()
    {
        await ImportHubSpotAsync();

        await using var db = _host.Database.CreateContext();
        Assert.Equal("hs-9001", (await db.Accounts.SingleAsync(a => a.Id == "hs-9002")).ParentAccountId);
        Assert.Equal("hs-9002", (await db.Opportunities.SingleAsync(o => o.Id == "hs-deal-7002")).AccountId);
        Assert.Equal("hs-owner-ada-moreno", (await db.Accounts.SingleAsync(a => a.Id == "hs-9001")).OwnerId);
        var meeting = await db.Events.SingleAsync(e => e.SourceId == "hs-engagement-3001");
        Assert.Equal("hs-contact-502", meeting.ContactId);
        Assert.Equal(new DateTimeOffset(2024, 6, 3, 10, 0, 0, TimeSpan.Zero), meeting.OccurredAt);
    }

    [Fact]
    public async Task HubSpot_Deals_MapStages()
    {
        await ImportHubSpotAsync();

        await using var db = _host.Database.CreateContext();
        var deals = await db.Opportunities.ToDictionaryAsync(o => o.Id);
        Assert.Equal(OpportunityStage.ClosedWon, deals["hs-deal-7001"].Stage);
        Assert.NotNull(deals["hs-deal-7001"].ClosedAt);
        Assert.Equal(OpportunityStage.Negotiation, deals["hs-deal-7002"].Stage);
        Assert.Null(deals["hs-deal-7002"].ClosedAt);
        Assert.True(deals["hs-deal-7002"].IsExpansion);
        Assert.Equal(OpportunityStage.Qualification, deals["hs-deal-7003"].Stage);
    }

    [Fact]
    public async Task HubSpot_Contacts_MapBuyingRoles()
    {
        await ImportHubSpotAsync();

        await using var db = _host.Database.CreateContext();
        var contacts = await db.Contacts.ToDictionaryAsync(c => c.Id);
        Assert.Equal(BuyingRole.DecisionMaker, contacts["hs-contact-501"].BuyingRole);
        Assert.Equal(Seniority.VicePresident, contacts["hs-contact-501"].Seniority);
        Assert.Equal(BuyingRole.Unknown, contacts["hs-contact-503"].BuyingRole);
        Assert.Equal(Seniority.Director, contacts["hs-contact-503"].Seniority);
    }

    [Fact]
    public async Task HubSpot_Reimport_ChangesNothing()
    {
        await ImportHubSpotAsync();

        var again = await ImportHubSpotAsync();

        Assert.Equal(0, again.Accounts.Inserted + again.Contacts.Inserted + again.Opportunities.Inserted + again.Events.Inserted + again.People.Inserted);
        Assert.Equal(0, again.Accounts.Updated + again.Contacts.Updated + again.Opportunities.Updated + again.Events.Updated + again.People.Updated);
    }

    private Task<Abm.Core.Import.ImportResult> ImportSalesforceAsync() =>
        _host.ImportAsync("salesforce.yml", Path.Combine(RepositoryPaths.Fixtures, "salesforce"));

    private Task<Abm.Core.Import.ImportResult> ImportHubSpotAsync() =>
        _host.ImportAsync("hubspot.yml", Path.Combine(RepositoryPaths.Fixtures, "hubspot"));

    public void Dispose() => _host.Dispose();
}
