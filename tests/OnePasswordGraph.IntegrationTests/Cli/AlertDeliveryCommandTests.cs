using System.Globalization;
using Microsoft.AspNetCore.Http;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary>Delivery to real receivers by the real processes, across a <c>kill -9</c>.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class AlertDeliveryCommandTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Secret = "receiver-shared-secret-0123456789";
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AlertsRun_KilledWhileDelivering_NextRunDeliversEveryFindingOnceSignedAndThenNothing()
    {
        await SyncScenarioWithoutRulesAsync();
        var never = new TaskCompletionSource();
        await using var hanging = await AlertReceiver.StartAsync(async (_, aborted) =>
        {
            await never.Task.WaitAsync(aborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Ok();
        });
        await using var healthy = await AlertReceiver.StartAsync();
        var jsonl = Path.Combine(Path.GetTempPath(), $"opg-findings-{Guid.NewGuid():N}.jsonl");

        // Stored, then killed while the receiver holds the first delivery open: nothing is recorded as delivered.
        using (var process = CliProcess.Start(Environment(hanging.Url, jsonl), "alerts", "run", "--since", "60d"))
        {
            await hanging.NextAsync();
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var stored = (await neo4j.QueryAsync("MATCH (a:one_password_alert) RETURN a._key AS key")).Rows.Select(r => (string)r[0]!).ToList();
        var resumed = await CliProcess.RunApartAsync(Environment(healthy.Url, jsonl), "alerts", "run");
        var repeated = await CliProcess.RunApartAsync(Environment(healthy.Url, jsonl), "alerts", "run");

        Assert.NotEmpty(stored);
        Assert.Single(hanging.Requests);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.True(repeated.ExitCode == 0, repeated.Error);
        var keys = healthy.Requests.Select(r => r.Header("Idempotency-Key")!).ToList();
        Assert.Equal(stored.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.All(healthy.Requests, r => Assert.True(WebhookSignature.IsValid(r, Secret), "a delivery's signature does not verify"));
        Assert.Contains(hanging.Requests[0].Header("Idempotency-Key"), keys);
        var lines = await File.ReadAllLinesAsync(jsonl);
        Assert.Equal(stored.Count, lines.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains($"webhook {stored.Count} delivered", resumed.Error, StringComparison.Ordinal);
        Assert.Contains("webhook 0 delivered", repeated.Error, StringComparison.Ordinal);
        File.Delete(jsonl);
    }

    [Fact]
    public async Task Status_ReceiverRefusing_ShowsWhatTheWebhookOwesAndWhy()
    {
        await SyncScenarioWithoutRulesAsync();
        await using var refusing = await AlertReceiver.StartAsync((_, _) => Task.FromResult(Results.StatusCode(401)));

        var run = await CliProcess.RunApartAsync(Environment(refusing.Url, jsonl: null), "alerts", "run", "--since", "60d");
        var status = await CliProcess.RunApartAsync(Environment(refusing.Url, jsonl: null), "status");

        var stored = await neo4j.CountAsync("MATCH (a:one_password_alert) RETURN count(a) AS c");
        Assert.Equal(1, run.ExitCode);
        Assert.Single(refusing.Requests);
        Assert.Contains("webhook failed (Alerts:Sinks:Webhook:Url: http://127.0.0.1:", run.Error, StringComparison.Ordinal);
        Assert.Contains("answered 401 Unauthorized; retrying will not help", run.Error, StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Contains($"  delivery     webhook: {stored} owed, oldest raised ", status.Output, StringComparison.Ordinal);
        Assert.Contains("last error: Alerts:Sinks:Webhook:Url", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path-token", run.Error + status.Output, StringComparison.Ordinal);
    }

    private async Task SyncScenarioWithoutRulesAsync()
    {
        await using var api = await EventsApiHarness.StartScenarioAsync(44, 30, 1500, Now);
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-60).ToString("o", CultureInfo.InvariantCulture));
        environment["Alerts__Enabled"] = "false";
        var sync = await CliProcess.RunAsync(environment, "sync");
        Assert.True(sync.ExitCode == 0, sync.Output);
    }

    private Dictionary<string, string> Environment(Uri webhook, string? jsonl)
    {
        var environment = new Dictionary<string, string>
        {
            ["Neo4j__Url"] = neo4j.Url.ToString(),
            ["Neo4j__User"] = neo4j.User,
            ["Neo4j__Password"] = neo4j.Password,
            ["Alerts__Sinks__Webhook__Url"] = webhook.ToString(),
            ["Alerts__Sinks__Webhook__Secret"] = Secret,
            ["Alerts__Sinks__Webhook__MinSeverity"] = "info",
        };
        if (jsonl is not null)
        {
            environment["Alerts__Sinks__Jsonl__Path"] = jsonl;
            environment["Alerts__Sinks__Jsonl__MinSeverity"] = "info";
        }

        return environment;
    }
}
