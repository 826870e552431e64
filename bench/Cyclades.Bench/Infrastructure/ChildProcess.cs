using System.Diagnostics;

namespace Cyclades.Bench.Infrastructure;

/// <summary>
/// A server or tool the benchmark started. Its output goes to a log file in the run directory; it is
/// killed (with its children) when disposed, and by <see cref="RunDirectory"/> if the run is interrupted.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _output;
    private int _disposed;

    private ChildProcess(string name, Process process, string logPath, Task output)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        _output = output;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="file"/>; its standard output and error are appended to <c>{name}.log</c> in the run directory.</summary>
    public static ChildProcess Start(
        RunDirectory run, string name, string file, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = run.StartInfo(file, arguments);
        info.WorkingDirectory = workingDirectory ?? run.Path;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var logPath = System.IO.Path.Combine(run.Path, $"{name}.log");
        var process = run.Start(info);
        var log = new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var output = Task.WhenAll(
            process.StandardOutput.BaseStream.CopyToAsync(log),
            process.StandardError.BaseStream.CopyToAsync(log)).ContinueWith(_ => log.Dispose(), TaskScheduler.Default);
        var child = new ChildProcess(name, process, logPath, output);
        run.Register(child);
        return child;
    }

    /// <summary>The last lines of the log, to explain a failure.</summary>
    public string Tail(int lines = 20)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the process tree at once (everything it wrote lives in the throwaway run directory).</summary>
    public void Kill()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            KillTree();
        }
    }

    private void KillTree()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // exited (or disposed) meanwhile
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        KillTree();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await _output.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // bench/run ends whatever is left that carries the run's marker
        }
        _process.Dispose();
    }
}
