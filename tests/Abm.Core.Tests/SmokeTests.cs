using Abm.Core.Answers;

namespace Abm.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void ReplyVerbs_ForAccount_CarriesAccountId()
    {
        var action = ReplyVerbs.ForAccount(ReplyVerbs.Why, "Why?", "demo-0001");
        Assert.Equal("demo-0001", action.Data[ReplyVerbs.AccountIdKey]);
    }
}
