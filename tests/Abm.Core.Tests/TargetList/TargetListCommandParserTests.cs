using Abm.Core.TargetList;

namespace Abm.Core.Tests.TargetList;

public sealed class TargetListCommandParserTests
{
    [Fact]
    public void Propose_with_reason()
    {
        var command = TargetListCommandParser.Parse("add Contoso to the target list because they opened three tickets");

        Assert.Equal(new ProposeCommand("Contoso", null, "they opened three tickets"), command);
    }

    [Fact]
    public void Propose_with_domain_in_brackets()
    {
        var command = TargetListCommandParser.Parse("Add Tailspin Toys (Tailspin.com) to the target account list: met at the summit");

        Assert.Equal(new ProposeCommand("Tailspin Toys", "tailspin.com", "met at the summit"), command);
    }

    [Fact]
    public void Propose_with_trailing_domain()
    {
        var command = TargetListCommandParser.Parse("add Tailspin Toys tailspin.com to the target list");

        Assert.Equal(new ProposeCommand("Tailspin Toys", "tailspin.com", null), command);
    }

    [Fact]
    public void History()
    {
        Assert.Equal(new HistoryCommand("Contoso"), TargetListCommandParser.Parse("history of Contoso?"));
    }

    [Fact]
    public void Pending()
    {
        Assert.IsType<PendingApprovalsCommand>(TargetListCommandParser.Parse("pending approvals"));
    }

    [Fact]
    public void Other_text_is_not_ours()
    {
        Assert.Null(TargetListCommandParser.Parse("tell me about Contoso"));
    }
}
