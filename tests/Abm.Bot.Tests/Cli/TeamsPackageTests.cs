using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Abm.Bot.Cli;

using static Abm.Bot.Tests.Cli.CliRunner;

namespace Abm.Bot.Tests.Cli;

public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private readonly string _directory = Directory.CreateTempSubdirectory("abm-package-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string RepositoryManifests()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "manifests", "teams");
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("manifests/teams not found above the test assembly.");
    }

    [Fact]
    public async Task Package_FillsAppIdInManifest()
    {
        var zipPath = Path.Combine(_directory, "app.zip");

        var (exitCode, _, _) = await RunAsync("teams-package", "--app-id", AppId, "--out", zipPath, "--manifest-dir", RepositoryManifests());
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;

        Assert.Equal(0, exitCode);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_IconsAreCopiedUnchanged()
    {
        var zipPath = Path.Combine(_directory, "app.zip");
        var manifests = RepositoryManifests();

        await RunAsync("teams-package", "--app-id", AppId, "--out", zipPath, "--manifest-dir", manifests);
        using var zip = ZipFile.OpenRead(zipPath);
        using var icon = new MemoryStream();
        await zip.GetEntry("color.png")!.Open().CopyToAsync(icon);

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(manifests, "color.png")), icon.ToArray());
    }

    [Fact]
    public async Task AppIdNotGuid_FailsWithFix()
    {
        var (exitCode, _, error) = await RunAsync("teams-package", "--app-id", "my-bot", "--out", Path.Combine(_directory, "app.zip"), "--manifest-dir", RepositoryManifests());

        Assert.Equal(1, exitCode);
        Assert.Contains("--app-id 'my-bot' is not a GUID", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "app.zip")));
    }

    [Fact]
    public async Task MissingIcon_NamesFile()
    {
        var source = Path.Combine(_directory, "manifests");
        Directory.CreateDirectory(source);
        File.Copy(Path.Combine(RepositoryManifests(), "manifest.json"), Path.Combine(source, "manifest.json"));
        File.Copy(Path.Combine(RepositoryManifests(), "color.png"), Path.Combine(source, "color.png"));

        var (exitCode, _, error) = await RunAsync("teams-package", "--app-id", AppId, "--out", Path.Combine(_directory, "app.zip"), "--manifest-dir", source);

        Assert.Equal(1, exitCode);
        Assert.Contains("outline.png is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateWithoutPlaceholder_IsRejected()
    {
        var failure = Assert.Throws<InvalidDataException>(() => TeamsAppPackage.FillIn("{\"id\":\"x\"}", AppId, "manifest.json"));

        Assert.Contains("{{APP_ID}}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherPlaceholderLeft_IsRejected()
    {
        var failure = Assert.Throws<InvalidDataException>(() => TeamsAppPackage.FillIn("{\"id\":\"{{APP_ID}}\",\"x\":\"{{BOT_DOMAIN}}\"}", AppId, "manifest.json"));

        Assert.Contains("{{BOT_DOMAIN}}", failure.Message, StringComparison.Ordinal);
    }
}
