using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Cyclades.Bench.Infrastructure;

/// <summary>
/// The run's throwaway directory (databases, logs, request files) and everything started in it.
/// Disposing kills every process still running and deletes the directory. The ids of started
/// processes are also written to <c>pids</c>, and each carries <see cref="MarkerVariable"/> in its
/// environment, so that <c>bench/run</c> can end exactly those if this process is killed outright.
/// </summary>
public sealed class RunDirectory : IAsyncDisposable
{
    private readonly ConcurrentStack<ChildProcess> _children = new();
    private readonly bool _keep;
    private readonly Lock _pidsLock = new();
    private int _disposed;

    public RunDirectory(string? path, bool keep)
    {
        Path = path ?? Directory.CreateTempSubdirectory("cyclades-bench-").FullName;
        Directory.CreateDirectory(Path);
        _keep = keep;
    }

    public const string MarkerVariable = "CYCLADES_BENCH_RUN";

    public string Path { get; }

    /// <summary>How to start a program for this run: marked as the run's, output redirected, no shell.</summary>
    public ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment[MarkerVariable] = Path;
        return info;
    }

    /// <summary>Starts a program for this run and records its id.</summary>
    public Process Start(ProcessStartInfo info)
    {
        var process = Process.Start(info) ?? throw new BenchException($"Could not start {info.FileName}.");
        lock (_pidsLock)
        {
            System.IO.File.AppendAllText(File("pids"), process.Id.ToString(CultureInfo.InvariantCulture) + "\n");
        }
        return process;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Subdirectory(string name) => Directory.CreateDirectory(File(name)).FullName;

    /// <summary>Runs a tool to its end (killed if cancelled) and returns what it printed.</summary>
    public async Task<ToolResult> RunToEndAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(StartInfo(file, arguments));
        process.StandardInput.Close();
        using var kill = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    internal void Register(ChildProcess child) => _children.Push(child);

    /// <summary>Kills what is still running, newest first (e.g. the service before its database), synchronously: safe from a signal handler.</summary>
    public void KillAll()
    {
        foreach (var child in _children)
        {
            child.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        while (_children.TryPop(out var child))
        {
            await child.DisposeAsync();
        }
        if (_keep)
        {
            Console.Error.WriteLine($"bench: kept {Path}");
            return;
        }
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"bench: could not delete {Path}: {e.Message}");
        }
    }
}

public sealed record ToolResult(int ExitCode, string Output, string Errors)
{
    /// <summary>The output, or a <see cref="BenchException"/> naming the tool when it failed.</summary>
    public string OrThrow(string tool) =>
        ExitCode == 0 ? Output : throw new BenchException($"{tool} failed ({ExitCode}): {Errors.Trim()}\n{Output.Trim()}");
}
