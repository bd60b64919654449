using System.Diagnostics;
using System.Text.RegularExpressions;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary>The mistakes of a first setup, made with the real process and the real Neo4j: each error names the setting to fix.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class SetupErrorTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sync_EventsHostThatDoesNotResolve_FailsWithinSecondsNamingTheHostTheKeyAndDoctorOnce()
    {
        // .invalid never resolves (RFC 2606), as a region typo would not.
        var environment = Neo4jEnvironment();
        environment["OnePassword__Events__BaseUrl"] = "https://events.eu-typo.invalid";
        environment["OnePassword__Events__Token"] = "not-a-real-token";
        environment["OnePassword__BackfillStartTime"] = "2026-01-01T00:00:00Z";
        var watch = Stopwatch.StartNew();

        var (exitCode, output, _) = await CliProcess.RunApartAsync(environment, "sync");

        // Retried as transient, it took the retry deadline (5 minutes) per stream.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.True(exitCode == 1, output);
        Assert.Contains("events.eu-typo.invalid does not resolve", output, StringComparison.Ordinal);
        Assert.Contains("OnePassword__Events__BaseUrl", output, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(output, Regex.Escape("run `onepassword-graph doctor`")));
        Assert.Equal(3, Regex.Count(output, Regex.Escape("not tried: the Events API introspection in step 'account' failed")));
    }

    [Fact]
    public async Task Status_WrongPasswordInAFile_NamesNeo4jPasswordFile()
    {
        var passwordFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(passwordFile, "not-the-password");

            // A user of its own, so the failed login cannot lock out the user the other tests log in as.
            var (exitCode, output) = await CliProcess.RunAsync(
                new Dictionary<string, string> { ["Neo4j__Url"] = neo4j.Url.ToString(), ["Neo4j__User"] = "newcomer", ["Neo4j__PasswordFile"] = passwordFile },
                "status");

            Assert.True(exitCode == 1, output);
            Assert.Contains("rejected the credentials of user 'newcomer'", output, StringComparison.Ordinal);
            Assert.Contains("Check Neo4j__User and Neo4j__PasswordFile", output, StringComparison.Ordinal);
            Assert.DoesNotContain("not-the-password", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    [Fact]
    public async Task Status_OnePasswordTokenFileMissing_StillReadsNeo4j()
    {
        var environment = Neo4jEnvironment();
        environment["OnePassword__Events__BaseUrl"] = "https://events.1password.com";
        environment["OnePassword__Events__TokenFile"] = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}");

        var (exitCode, output) = await CliProcess.RunAsync(environment, "status");

        Assert.True(exitCode == 0, output);
    }

    private Dictionary<string, string> Neo4jEnvironment() => new()
    {
        ["Neo4j__Url"] = neo4j.Url.ToString(),
        ["Neo4j__User"] = neo4j.User,
        ["Neo4j__Password"] = neo4j.Password,
    };
}
