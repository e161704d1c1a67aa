using Abm.Core.Playbooks;

namespace Abm.Core.Tests.Playbooks;

public sealed class PlaybookCommandParserTests
{
    [Fact]
    public void Status()
    {
        Assert.Equal(new PlaybookStatusCommand("Contoso"), PlaybookCommandParser.Parse("playbook status Contoso"));
    }

    [Fact]
    public void Start()
    {
        Assert.Equal(new StartPlaybookCommand("executive outreach", "Contoso"), PlaybookCommandParser.Parse("start executive outreach on Contoso"));
    }

    [Fact]
    public void List()
    {
        Assert.IsType<ListPlaybooksCommand>(PlaybookCommandParser.Parse("list playbooks"));
    }

    [Fact]
    public void Other_text_is_not_ours()
    {
        Assert.Null(PlaybookCommandParser.Parse("top 10 accounts in EMEA"));
    }
}
