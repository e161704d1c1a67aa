using Abm.Core.Playbooks;
using Abm.Core.Tests.Import;

namespace Abm.Core.Tests.Playbooks;

public sealed class PlaybookTemplateLoaderTests
{
    private const string Valid = """
        id: demo-play
        name: Demo play
        description: For tests.
        steps:
          - key: first
            title: First step
            guidance: Do it.
            owner: sales
            due: 3d
            completed-by: meeting
        """;

    [Fact]
    public void Shipped_templates_load()
    {
        var templates = PlaybookTemplateLoader.LoadDirectory(Path.Combine(RepositoryPaths.Root, "playbooks"));

        Assert.Equal(["custom-workshop", "executive-outreach", "expansion-play", "outbound-sdr-sequence"], templates.Select(t => t.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Valid_step_parses()
    {
        var step = PlaybookTemplateLoader.Parse(Valid, "demo.yml").Steps[0];

        Assert.Equal(new PlaybookStepTemplate("first", "First step", "Do it.", StepFunction.Sales, TimeSpan.FromDays(3), "meeting"), step);
    }

    [Theory]
    [InlineData("owner: sales", "owner: legal", 8, "the owner \"legal\" is not a business function")]
    [InlineData("due: 3d", "due: soon", 9, "the due offset \"soon\" is not a duration")]
    [InlineData("    title: First step\n", "", 5, "\"title\" is missing or empty")]
    [InlineData("id: demo-play", "id: Demo Play", 1, "must be lower-case words")]
    [InlineData("    guidance: Do it.", "    guidance: Do it.\n    colour: red", 8, "unknown step field \"colour\"")]
    [InlineData("    title: First step", "   title: First step", 6, "not valid YAML")]
    public void Invalid_file_names_line_and_problem(string find, string replace, int line, string problem)
    {
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<PlaybookTemplateException>(() => PlaybookTemplateLoader.Parse(yaml, "broken.yml"));

        Assert.Equal(("broken.yml", line, true), (error.File, error.Line, error.Problem.Contains(problem, StringComparison.Ordinal)));
    }

    [Fact]
    public void Duplicate_ids_across_files_fail()
    {
        var directory = Directory.CreateTempSubdirectory("abm-playbooks-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "a.yml"), Valid);
            File.WriteAllText(Path.Combine(directory.FullName, "b.yml"), Valid);

            var error = Assert.Throws<PlaybookTemplateException>(() => PlaybookTemplateLoader.LoadDirectory(directory.FullName));

            Assert.Equal("b.yml", error.File);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
