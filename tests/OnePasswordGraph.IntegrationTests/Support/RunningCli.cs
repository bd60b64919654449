using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>
/// A running <c>onepassword-graph</c> process whose output is collected as it arrives, so a test can read its memory,
/// kill it with SIGKILL or stop it with SIGTERM, and read everything it wrote, also while it runs.
/// </summary>
internal sealed class RunningCli : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    private RunningCli(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Receive(e.Data);
        _process.ErrorDataReceived += (_, e) => Receive(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Gets what the process wrote so far, standard output and standard error interleaved by arrival.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Gets the log lines at error or critical level (the simple console's <c>fail:</c> and <c>crit:</c>).</summary>
    public IReadOnlyList<string> ErrorLines =>
        [.. Text.Split('\n').Where(l => l.Contains(" fail: ", StringComparison.Ordinal) || l.Contains(" crit: ", StringComparison.Ordinal))];

    public static RunningCli Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new(CliProcess.Start(environment, arguments));

    /// <summary>Waits for the exit (at most <paramref name="limit"/>, then kills it and fails) and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"The process did not exit within {limit}:\n{Text}");
        }

        // The last lines arrive after the exit: WaitForExit without a timeout drains the redirected streams.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as <c>kill -9</c> or the OOM killer: no handler runs, nothing is flushed.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as docker stop and systemd send it.</summary>
    public Task TerminateAsync() => CliProcess.SignalAsync(_process, "TERM");

    /// <summary>Gets the resident set size of the process (VmRSS from /proc), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _text.Append(line).Append('\n');
        }
    }
}
