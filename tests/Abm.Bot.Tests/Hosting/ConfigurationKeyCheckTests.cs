using System.Reflection;
using Abm.Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace Abm.Bot.Tests.Hosting;

public sealed class ConfigurationKeyCheckTests
{
    private static IReadOnlyList<string> Check(params string[] keys) =>
        ConfigurationKeyCheck.FindUnknownKeys(new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Select(key => new KeyValuePair<string, string?>(key, "1")))
            .Build());

    /// <summary>Every key that the README, the docs, the scripts and the tests set, including dictionary entries and list items.</summary>
    public static TheoryData<string> DocumentedKeys =>
    [
        "Abm:Alerts:Dispatch:BatchSize", "Abm:Alerts:Dispatch:Lease", "Abm:Alerts:Dispatch:MaxRetryDelay",
        "Abm:Alerts:Dispatch:PerConversationInterval", "Abm:Alerts:Dispatch:PollInterval", "Abm:Alerts:Dispatch:Enabled",
        "Abm:Alerts:Rules:DwellEvaluations", "Abm:Alerts:Rules:HotExit", "Abm:Alerts:Rules:ReevaluationInterval",
        "Abm:Clock:AsOf", "Abm:Demo:SeedOnEmpty", "Abm:Ingestion:MaxBodyBytes", "Abm:Ingestion:MaxRecords",
        "Abm:Playbooks:Directory", "Abm:Playbooks:ReminderPollInterval",
        "Abm:Scoring:Engagement:ContactDailyCap", "Abm:Scoring:Engagement:EngagedThreshold",
        "Abm:Scoring:Engagement:EventTypes:chat_started:Points", "Abm:Scoring:Engagement:EventTypes:meeting:HalfLife",
        "Abm:Scoring:Engagement:PersonaMultipliers:CLevel", "Abm:Scoring:Engagement:PersonaMultipliers:vicepresident", "Abm:Scoring:Engagement:Scale", "Abm:Scoring:Engagement:ExcludedTypes:0",
        "Abm:Scoring:Fit:EmployeeBands:20000", "Abm:Scoring:Fit:EmployeeBands:5000", "Abm:Scoring:Fit:ExcludedCountries:0",
        "Abm:Scoring:Fit:Industries:Software", "Abm:Scoring:Fit:Industries:mining",
        "Abm:Slack:ApiBaseUrl", "Abm:Slack:BotToken", "Abm:Slack:BotUserId", "Abm:Slack:Concurrency",
        "Abm:Slack:DangerouslyAllowUnsignedRequestsOnLoopback", "Abm:Slack:MaxRequestBodyBytes", "Abm:Slack:ResponseUrlBase",
        "Abm:Slack:SigningSecret", "Abm:Slack:TurnTimeout",
        "Abm:Storage:ConnectionString", "Abm:Storage:Provider",
        "Abm:TargetList:ApprovalChannel", "Abm:TargetList:ApproverIds:0", "Abm:TargetList:ApproverIds:1",
        "Abm:Teams:AppId", "Abm:Teams:AppPassword", "Abm:Teams:Authority", "Abm:Teams:InvokeTimeout",
        "Abm:Teams:MaxRequestBodyBytes", "Abm:Teams:MemberCacheDuration", "Abm:Teams:OpenIdMetadataUrl", "Abm:Teams:ServiceUrl",
        "Abm:Teams:TenantId", "Abm:Teams:TurnConcurrency", "Abm:Teams:TurnQueueCapacity", "Abm:Teams:TurnTimeout",
        "abm:storage:provider",
    ];

    [Theory]
    [MemberData(nameof(DocumentedKeys))]
    public void DocumentedKey_IsAccepted(string key)
    {
        Assert.Empty(Check(key));
    }

    [Theory]
    [InlineData("Abm:Storag:Provider", "Did you mean Abm:Storage:Provider?")]
    [InlineData("Abm:Slack:SigningSecrt", "Did you mean Abm:Slack:SigningSecret?")]
    [InlineData("Abm:Teams:AppPasword", "Did you mean Abm:Teams:AppPassword?")]
    [InlineData("Abm:Alerts:Rule:HotExit", "Did you mean Abm:Alerts:Rules:HotExit?")]
    [InlineData("Abm:Scoring:Engagement:EventTypes:meeting:Pointz", "Did you mean Abm:Scoring:Engagement:EventTypes:meeting:Points?")]
    [InlineData("Abm:Scoring:Fit:Industrys:mining", "Did you mean Abm:Scoring:Fit:Industries:mining?")]
    [InlineData("Abm:Scoring:Engagement:PersonaMultipliers:CLevl", "Did you mean Abm:Scoring:Engagement:PersonaMultipliers:CLevel?")]
    public void NearMiss_SuggestsClosestKey(string key, string suggestion)
    {
        var problem = Assert.Single(Check(key));

        Assert.StartsWith(key + " is not a known setting", problem, StringComparison.Ordinal);
        Assert.Contains(suggestion, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FarMiss_ListsSectionKeys()
    {
        var problem = Assert.Single(Check("Abm:Storage:Flavour"));

        Assert.Contains("Valid keys under Abm:Storage: ConnectionString, Provider.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOnlyProperty_IsNotAKey()
    {
        // StorageOptions.IsSqlite is computed, so the binder never sets it.
        Assert.Single(Check("Abm:Storage:IsSqlite"));
    }

    [Fact]
    public void KeyUnderSingleValue_IsRejected()
    {
        var problem = Assert.Single(Check("Abm:Storage:Provider:Name"));

        Assert.Contains("Abm:Storage:Provider takes a single value", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherRoots_AreIgnored()
    {
        Assert.Empty(Check("Logging:LogLevel:Default", "Kestrel:Endpoints:Http:Url", "urls"));
    }

    [Fact]
    public void EverySection_IsRegistered()
    {
        var sections = new[] { typeof(BotHost).Assembly, typeof(Abm.Core.Storage.StorageOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static))
            .Where(field => field is { IsLiteral: true })
            .Select(field => (string)field!.GetRawConstantValue()!)
            .Where(section => section.StartsWith("Abm:", StringComparison.Ordinal));

        Assert.All(sections, section => Assert.Contains(section, ConfigurationKeyCheck.Sections.Select(entry => entry.Section)));
    }

    [Theory]
    [InlineData("Storag", "Storage")]
    [InlineData("signingsecrt", "SigningSecret")]
    [InlineData("Xyz", null)]
    public void ClosestName_MatchesNearMisses(string key, string? expected)
    {
        Assert.Equal(expected, ConfigurationKeyCheck.ClosestName(key, ["Storage", "SigningSecret", "Teams"]));
    }
}
