using System.Net;
using System.Net.Sockets;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Cli;

public sealed class SyncCommandTests
{
    [Fact]
    public async Task Sync_InvalidConfiguration_Exits2WithEveryProblemAndFetchesNothing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var connections = 0;
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    Interlocked.Increment(ref connections);
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        });

        var (exitCode, output) = await CliProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["OnePassword__Events__BaseUrl"] = url,
                ["OnePassword__Events__Token"] = "tok-secret-123",
                ["OnePassword__BackfillStartTime"] = "yesterday-ish",
                ["Neo4j__Url"] = url,
            },
            "sync");
        await stop.CancelAsync();
        await accepting;

        Assert.Equal(2, exitCode);
        Assert.Contains("- OnePassword:BackfillStartTime 'yesterday-ish' is not an ISO 8601 time; use e.g. 2026-08-01T00:00:00Z.", output, StringComparison.Ordinal);
        Assert.Contains("- Neo4j:Password is missing; set Neo4j:Password or Neo4j:PasswordFile (the Neo4j password).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-secret-123", output, StringComparison.Ordinal);
        Assert.Equal(0, connections);
    }

    [Fact]
    public async Task Sync_Neo4jUnreachable_Exits1WithTheReasonAndNoStackTrace()
    {
        var port = ClosedPort.Find();

        var (exitCode, output) = await CliProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["OnePassword__Events__BaseUrl"] = "http://127.0.0.1:9/",
                ["OnePassword__Events__Token"] = "tok-secret-123",
                ["Neo4j__Url"] = $"http://127.0.0.1:{port}",
                ["Neo4j__User"] = "neo4j",
                ["Neo4j__Password"] = "pw-secret-456",
            },
            "sync");

        Assert.Equal(1, exitCode);
        Assert.Contains($"Account default: Neo4j is unreachable at http://127.0.0.1:{port}/", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-secret-123", output, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-secret-456", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsCommandsAndExitCodes()
    {
        var (exitCode, output) = await CliProcess.RunAsync(new Dictionary<string, string>(), "sync", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Exit codes: 0 every step succeeded; 1 some step failed", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sync", "--progress", "maybe")]
    [InlineData("sync", "--no-such-option")]
    [InlineData("demo", "--days", "200")]
    [InlineData("simulator", "--events", "5")]
    public async Task InvalidOption_Exits2AndNamesIt(params string[] arguments)
    {
        var (exitCode, output) = await CliProcess.RunAsync(new Dictionary<string, string>(), arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(arguments[1], output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("run")]
    [InlineData("status")]
    [InlineData("doctor")]
    [InlineData("demo")]
    public async Task Help_OfEachOperatorCommand_GivesAnExampleAndItsExitCodes(string command)
    {
        var (exitCode, output) = await CliProcess.RunAsync(new Dictionary<string, string>(), command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Example: ", output, StringComparison.Ordinal);
        Assert.Matches(@"Exit codes: 0 [^;]+; 1 [^;]+; 2 ", output);
    }
}
