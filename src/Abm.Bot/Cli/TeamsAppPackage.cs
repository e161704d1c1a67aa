using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Abm.Bot.Cli;

/// <summary>
/// Builds the Teams app package: a zip with <c>manifest.json</c>, <c>color.png</c> and
/// <c>outline.png</c> at its root. The manifest in the repository is a template: every
/// <see cref="AppIdPlaceholder"/> in it becomes the bot's app id, and no other <c>{{…}}</c>
/// placeholder may remain.
/// </summary>
internal static partial class TeamsAppPackage
{
    /// <summary>The placeholder for the Microsoft App ID in <c>manifests/teams/manifest.json</c>.</summary>
    public const string AppIdPlaceholder = "{{APP_ID}}";

    public const string DefaultFileName = "abm-teams-app.zip";

    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    /// <summary>Finds <c>manifests/teams</c> next to the program, else under the current folder.</summary>
    public static string FindManifestDirectory()
    {
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "manifests", "teams"),
            Path.Combine(Directory.GetCurrentDirectory(), "manifests", "teams"),
        };

        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new InvalidDataException($"No manifests/teams folder was found in {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}. Run from the repository root or pass --manifest-dir.");
    }

    /// <summary>Writes the package to <paramref name="outputPath"/>, replacing an existing file.</summary>
    /// <exception cref="InvalidDataException">The app id is not a GUID, a file is missing, or the manifest is not valid JSON after filling in.</exception>
    public static async Task WriteAsync(string manifestDirectory, string appId, string outputPath, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(appId, out var appGuid))
        {
            throw new InvalidDataException($"--app-id '{appId}' is not a GUID. Use the Application (client) ID of the bot's app registration.");
        }

        foreach (var file in Files)
        {
            var path = Path.Combine(manifestDirectory, file);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path} is missing. The Teams app package needs {string.Join(", ", Files)} in {manifestDirectory}.");
            }
        }

        var manifestPath = Path.Combine(manifestDirectory, "manifest.json");
        var template = await File.ReadAllTextAsync(manifestPath, cancellationToken);
        var manifest = FillIn(template, appGuid.ToString("D"), manifestPath);

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var stream = new FileStream(outputPath, FileMode.Create, FileAccess.Write);
        await using var zip = new ZipArchive(stream, ZipArchiveMode.Create);

        var manifestEntry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
        await using (var writer = new StreamWriter(await manifestEntry.OpenAsync(cancellationToken), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            await writer.WriteAsync(manifest);
        }

        foreach (var icon in Files.Skip(1))
        {
            var entry = zip.CreateEntry(icon, CompressionLevel.Optimal);
            await using var target = await entry.OpenAsync(cancellationToken);
            await using var source = File.OpenRead(Path.Combine(manifestDirectory, icon));
            await source.CopyToAsync(target, cancellationToken);
        }
    }

    /// <summary>Replaces the app id placeholder and checks that the result is JSON with no placeholder left.</summary>
    internal static string FillIn(string template, string appId, string manifestPath)
    {
        if (!template.Contains(AppIdPlaceholder, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{manifestPath} has no {AppIdPlaceholder} placeholder, so the app id cannot be filled in. Put {AppIdPlaceholder} where the manifest needs the bot's app id (id, bots[0].botId).");
        }

        var manifest = template.Replace(AppIdPlaceholder, appId, StringComparison.Ordinal);
        var leftOver = Placeholder().Matches(manifest).Select(match => match.Value).Distinct().ToList();
        if (leftOver.Count > 0)
        {
            throw new InvalidDataException($"{manifestPath} still contains {string.Join(", ", leftOver)} after filling in {AppIdPlaceholder}; only {AppIdPlaceholder} is replaced. Remove or fill in the others.");
        }

        try
        {
            using var document = JsonDocument.Parse(manifest);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{manifestPath} is not valid JSON after filling in the app id: {exception.Message}", exception);
        }

        return manifest;
    }

    [GeneratedRegex(@"\{\{[A-Za-z0-9_]+\}\}")]
    private static partial Regex Placeholder();
}
