using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Cyclades.Tests.Dispatch.Support;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// The built service as an operator runs it (<c>dotnet Cyclades.Host.dll</c>, what
/// <c>dotnet run --project Cyclades.Host</c> starts) on a free loopback port, in its own working
/// directory, with everything it writes to stdout and stderr kept.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    public ServiceProcess(string workDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "Cyclades.Host.dll");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The first group of <paramref name="pattern"/> once the output has it; fails the test after a minute.</summary>
    public async Task<string> WaitForAsync(Regex pattern)
    {
        Match match = Match.Empty;
        await Eventually.HoldsAsync(() => Task.FromResult((match = pattern.Match(Output)).Success || _process.HasExited),
            () => $"the service to print {pattern}: {Output}", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50));
        if (!match.Success)
        {
            Assert.Fail($"The service exited without printing {pattern}: {Output}");
        }
        return match.Groups[1].Value;
    }

    /// <summary>The address it listens on, once it does.</summary>
    public Task<string> WaitUntilListeningAsync() => WaitForAsync(ListeningPattern());

    /// <summary>Stops the process and returns everything it wrote.</summary>
    public string Stop()
    {
        Dispose();
        return Output;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.WaitForExit(); // flushes the asynchronous readers
        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
