using System.Diagnostics;

namespace Abm.LoadTest;

/// <summary>
/// A server under test in its own process: started with the given environment, ready once it
/// prints the URL it listens on, stopped by its PID.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public int Id => _process.Id;

    /// <summary>CPU time the process has used so far, user and system.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the program and waits for a line holding <paramref name="marker"/> followed by the URL.</summary>
    public static async Task<ChildProcess> StartAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, string marker)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var name = Path.GetFileName(start.ArgumentList.FirstOrDefault() ?? fileName);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            var at = line.Data.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                url.TrySetResult(line.Data[(at + marker.Length)..].Trim());
            }
            else if (line.Data.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Data.Contains("error", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"[{name}] {line.Data}");
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine($"[{name}] {line.Data}");
            }
        };
        process.Exited += (_, _) => url.TrySetException(new InvalidOperationException($"{name} exited with code {process.ExitCode} before it listened."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            return new ChildProcess(process, await url.Task.WaitAsync(TimeSpan.FromMinutes(3)));
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }
}
