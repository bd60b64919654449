using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support.QueryApi;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>
/// A real Neo4j for the integration tests. Uses the server named by NEO4J_URL (with NEO4J_USER and NEO4J_PASSWORD)
/// when set; otherwise starts a throwaway instance (scripts/neo4j.sh) on a free port with a fresh data directory and
/// auth on, and stops it when the tests end. The script's watchdog also stops it if this process dies. A dedicated
/// fixture always starts its own instance, which a test may stop and start again with its data (the fault suite).
/// </summary>
public sealed class Neo4jServerFixture : IAsyncLifetime
{
    private readonly IMessageSink _messages;
    private readonly Neo4jProtocol? _protocol;
    private readonly bool _dedicated;
    private string? _instanceDir;
    private int _port;
    private QueryApiDouble? _queryApi;

    public Neo4jServerFixture(IMessageSink messages)
        : this(messages, dedicated: false)
    {
    }

    internal Neo4jServerFixture(IMessageSink messages, bool dedicated)
    {
        _messages = messages;
        _dedicated = dedicated;
    }

    // A view of the same database through the Query API double: tests written against the fixture run unchanged
    // through the other protocol.
    private Neo4jServerFixture(Neo4jServerFixture backend, Uri url, Neo4jProtocol protocol)
    {
        _messages = backend._messages;
        _protocol = protocol;
        Url = url;
        User = backend.User;
        Password = backend.Password;
        Runner = new RetryingCypherRunner(CreateRunner(Password), CreateRetry());
    }

    public Uri Url { get; private set; } = null!;

    public string User { get; private set; } = "neo4j";

    public string Password { get; private set; } = null!;

    public Neo4jServerInfo Server { get; private set; } = null!;

    public ICypherRunner Runner { get; private set; } = null!;

    /// <summary>Gets the same database through the Query API double, with <c>Neo4j__Protocol=query</c>.</summary>
    public Neo4jServerFixture QueryApi { get; private set; } = null!;

    /// <summary>Gets the same database through the Query API double, chosen by the double's Aura-like discovery (<c>Neo4j__Protocol=auto</c>).</summary>
    public Neo4jServerFixture QueryApiByDiscovery { get; private set; } = null!;

    /// <summary>Gets the Query API double in front of the database.</summary>
    internal QueryApiDouble QueryApiDouble => _queryApi ?? throw new InvalidOperationException("The Query API double runs in the fixture of the real Neo4j.");

    public async Task InitializeAsync()
    {
        if (!_dedicated && Environment.GetEnvironmentVariable("NEO4J_URL") is { Length: > 0 } url)
        {
            Url = new Uri(url);
            User = Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j";
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? string.Empty;
        }
        else
        {
            await StartThrowawayInstanceAsync();
        }

        Runner = new RetryingCypherRunner(CreateRunner(Password), CreateRetry());
        Server = await Runner.GetServerInfoAsync(CancellationToken.None);
        _messages.OnMessage(new DiagnosticMessage($"Integration tests run against Neo4j {Server.Version} ({Server.Edition ?? "edition not reported"}) at {Url}"));
        Console.WriteLine($"Integration tests run against Neo4j {Server.Version} at {Url}");
        await CreateInstaller().ApplyAsync(CancellationToken.None);
        if (_dedicated)
        {
            // A dedicated instance serves the fault suite, which stops and starts it; it needs no Query API view.
            return;
        }

        _queryApi = await QueryApiDouble.StartAsync(Url);
        QueryApi = new Neo4jServerFixture(this, _queryApi.Url, Neo4jProtocol.Query);
        QueryApiByDiscovery = new Neo4jServerFixture(this, _queryApi.Url, Neo4jProtocol.Auto);
        QueryApi.Server = await QueryApi.Runner.GetServerInfoAsync(CancellationToken.None);
        QueryApiByDiscovery.Server = await QueryApiByDiscovery.Runner.GetServerInfoAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        (Runner as IDisposable)?.Dispose();
        if (_queryApi is not null)
        {
            await _queryApi.DisposeAsync();
        }

        if (_instanceDir is not null)
        {
            await RunScriptAsync("stop", "--dir", _instanceDir);
            try
            {
                Directory.Delete(_instanceDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the exiting JVM only leaves a temp directory behind.
            }
        }
    }

    public ICypherRunner CreateRunner(string password, string? database = null) => _protocol is { } protocol
        ? new ProtocolSelectingCypherRunner(
            new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromMinutes(2) },
            new Neo4jSettings(Url, User, password, database ?? "neo4j", 1000, TimeSpan.FromMinutes(2)) { Protocol = protocol },
            NullLoggerFactory.Instance)
        : new Neo4jHttpCypherRunner(
            new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromMinutes(2) },
            new Neo4jSettings(Url, User, password, database ?? "neo4j", 1000, TimeSpan.FromMinutes(2)),
            NullLogger<Neo4jHttpCypherRunner>.Instance);

    public static TransientRetry CreateRetry() =>
        new("Neo4j", new RetryOptions { MaxRetryAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(50), Deadline = TimeSpan.FromMinutes(2) }, TimeProvider.System, NullLogger.Instance);

    public GraphSchemaInstaller CreateInstaller() =>
        new(Runner, GraphSchema.OnePassword, NullLogger<GraphSchemaInstaller>.Instance);

    public GraphWriter CreateWriter(TimeProvider? timeProvider = null, int batchSize = 1000) =>
        new(Runner, GraphSchema.OnePassword, batchSize, timeProvider ?? TimeProvider.System, NullLogger<GraphWriter>.Instance);

    /// <summary>Removes every node and relationship; the schema stays.</summary>
    public async Task ResetAsync()
    {
        // Deleted in chunks so that large scenarios do not need one huge transaction.
        while (true)
        {
            var result = await Runner.RunAsync([new CypherStatement("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted")], CancellationToken.None);
            if (result[0].SingleLong("deleted") == 0)
            {
                return;
            }
        }
    }

    /// <summary>Runs a read query and returns its first result.</summary>
    public async Task<CypherResult> QueryAsync(string cypher, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var results = await Runner.RunAsync([new CypherStatement(cypher, parameters ?? new Dictionary<string, object?>())], CancellationToken.None);
        return results[0];
    }

    public async Task<long> CountAsync(string cypher, IReadOnlyDictionary<string, object?>? parameters = null) =>
        (await QueryAsync(cypher, parameters)).SingleLong("c");

    /// <summary>Stops the instance this fixture started (its data stays), as an outage or the first half of a restart.</summary>
    public async Task StopServerAsync()
    {
        var directory = _instanceDir ?? throw new InvalidOperationException("Only an instance this fixture started can be stopped; unset NEO4J_URL or use a dedicated fixture.");
        if (await RunScriptAsync("stop", "--dir", directory) != 0)
        {
            throw new InvalidOperationException($"scripts/neo4j.sh stop failed; see the output above and {directory}/logs.");
        }
    }

    /// <summary>Starts the stopped instance again on the same port with its data; returns once it answers HTTP.</summary>
    public Task StartServerAsync() =>
        _instanceDir is null ? throw new InvalidOperationException("Only an instance this fixture started can be started again.") : StartInstanceAsync();

    private async Task StartThrowawayInstanceAsync()
    {
        _instanceDir = Path.Combine(Path.GetTempPath(), "opg-neo4j-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant());
        Password = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        _port = FreePort();
        Url = new Uri($"http://127.0.0.1:{_port}");
        await StartInstanceAsync();
    }

    private async Task StartInstanceAsync()
    {
        var exitCode = await RunScriptAsync(
            "start", "--dir", _instanceDir!, "--http-port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--password", Password, "--watch-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"scripts/neo4j.sh start failed with exit code {exitCode}; see the output above and {_instanceDir}/logs.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<int> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "neo4j.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = (await output + await error).Replace(Password ?? "\0", "***", StringComparison.Ordinal);
        _messages.OnMessage(new DiagnosticMessage(text.TrimEnd()));
        return process.ExitCode;
    }
}
