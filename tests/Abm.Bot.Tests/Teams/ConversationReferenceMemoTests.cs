using Abm.Bot.Teams;

namespace Abm.Bot.Tests.Teams;

public sealed class ConversationReferenceMemoTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);

    [Fact]
    public void FirstTurn_Writes()
    {
        var memo = new ConversationReferenceMemo();

        Assert.True(memo.TryClaim("a:1", "facts", Start, Refresh));
    }

    [Fact]
    public void SameFactsWithinTheInterval_SkipTheWrite()
    {
        var memo = new ConversationReferenceMemo();
        memo.TryClaim("a:1", "facts", Start, Refresh);

        Assert.False(memo.TryClaim("a:1", "facts", Start.AddMinutes(59), Refresh));
    }

    [Fact]
    public void SameFactsAfterTheInterval_Write()
    {
        var memo = new ConversationReferenceMemo();
        memo.TryClaim("a:1", "facts", Start, Refresh);

        Assert.True(memo.TryClaim("a:1", "facts", Start.AddHours(1), Refresh));
    }

    [Fact]
    public void ChangedFacts_Write()
    {
        var memo = new ConversationReferenceMemo();
        memo.TryClaim("a:1", "facts", Start, Refresh);

        Assert.True(memo.TryClaim("a:1", "other facts", Start.AddMinutes(1), Refresh));
    }

    [Fact]
    public void ForgottenConversation_WritesAgain()
    {
        var memo = new ConversationReferenceMemo();
        memo.TryClaim("a:1", "facts", Start, Refresh);
        memo.Forget("a:1");

        Assert.True(memo.TryClaim("a:1", "facts", Start.AddMinutes(1), Refresh));
    }

    [Fact]
    public void ConcurrentClaimsOfANewConversation_HaveOneWinner()
    {
        var memo = new ConversationReferenceMemo();

        var winners = Enumerable.Range(0, 64).AsParallel().Count(_ => memo.TryClaim("a:1", "facts", Start, Refresh));

        Assert.Equal(1, winners);
    }

    [Fact]
    public void Fingerprint_ChangesWhenTheServiceUrlChanges()
    {
        var before = new Activity { ServiceUrl = "https://smba.example/amer/", Conversation = new ConversationAccount { Id = "a:1" } };
        var after = new Activity { ServiceUrl = "https://smba.example/emea/", Conversation = new ConversationAccount { Id = "a:1" } };

        Assert.NotEqual(ConversationReferenceMemo.Fingerprint(before, isActive: true), ConversationReferenceMemo.Fingerprint(after, isActive: true));
    }
}
