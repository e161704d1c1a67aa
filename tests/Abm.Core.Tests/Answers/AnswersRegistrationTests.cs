using Abm.Core.Answers;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Abm.Core.Tests.Answers;

public class AnswersRegistrationTests
{
    [Fact]
    public async Task AddAbmAnswers_ResolvesAssistant()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAbmStorage(new StorageOptions { ConnectionString = "Data Source=:memory:" });
        services.AddAbmAnswers();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<Assistant>(provider.GetRequiredService<IAssistant>());
    }

    [Fact]
    public async Task AddAbmScoring_InvalidOptions_FailValidation()
    {
        var services = new ServiceCollection();
        services.AddAbmScoring();
        services.Configure<ScoringOptions>(o => o.Engagement.ContactDailyCap = -1);
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScoringOptions>>().Value);

        Assert.Contains("Abm:Scoring:Engagement:ContactDailyCap is -1", exception.Message, StringComparison.Ordinal);
    }
}
