using System.CommandLine;

namespace Abm.Bot.Cli;

/// <summary><c>abm teams-package --app-id &lt;guid&gt; [--out F] [--manifest-dir D]</c>: writes the installable Teams app zip.</summary>
internal static class TeamsPackageCommand
{
    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "Microsoft App ID of the bot registration (a GUID); replaces {{APP_ID}} in the manifest.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Path of the zip to write.", DefaultValueFactory = _ => new FileInfo(TeamsAppPackage.DefaultFileName) };
        var manifestDirectory = new Option<DirectoryInfo?>("--manifest-dir") { Description = "Folder with manifest.json, color.png and outline.png. Default: manifests/teams next to the program, else under the current folder." };

        var command = new Command("teams-package", "Write the Teams app package (manifest and icons, app id filled in) to install the bot in Teams.") { appId, output, manifestDirectory };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var source = result.GetValue(manifestDirectory)?.FullName ?? TeamsAppPackage.FindManifestDirectory();
                var target = result.GetValue(output)!.FullName;
                await TeamsAppPackage.WriteAsync(source, result.GetValue(appId)!, target, cancellationToken);
                result.InvocationConfiguration.Output.WriteLine($"Wrote {target}. Upload it in Teams under Apps > Manage your apps > Upload an app.");
                return ExitCodes.Success;
            }
            catch (InvalidDataException exception)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync(exception.Message);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
