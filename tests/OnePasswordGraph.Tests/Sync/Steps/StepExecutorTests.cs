using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Tests.Sync.Steps;

public sealed class StepExecutorTests
{
    private static readonly AccountSettings Account = new("acme", null, null, null);
    private readonly List<string> _ran = [];

    [Fact]
    public async Task RunAsync_FailedStep_DependentsRunPartialAndIndependentStepsSucceed()
    {
        var steps = new[]
        {
            Step("items", ["vaults"]),
            Step("vaults", [], fail: true),
            Step("usages", []),
        };

        var results = await CreateSut().RunAsync(steps, Account, "run-1", CancellationToken.None);

        Assert.Equal(["vaults", "usages", "items"], _ran);
        Assert.Equal(
            [("items", StepStatus.PartialDueToDependencyFailure), ("vaults", StepStatus.Failure), ("usages", StepStatus.Success)],
            results.Select(r => (r.StepId, r.Status)));
        Assert.Equal("vaults broke", results[1].Error);
        Assert.Contains("step 'vaults' failed", results[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StepSkips_ReportsReasonAndDependentsAreNotPartial()
    {
        var steps = new[]
        {
            new SyncStep("audit", [], [], (_, _) => Task.FromResult(StepOutcome.Skipped("the token lacks auditevents"))),
            Step("rules", ["audit"]),
        };

        var results = await CreateSut().RunAsync(steps, Account, "run-1", CancellationToken.None);

        Assert.Equal((StepStatus.Skipped, "the token lacks auditevents"), (results[0].Status, results[0].Error));
        Assert.Equal(StepStatus.Success, results[1].Status);
    }

    [Fact]
    public async Task RunAsync_SharedValues_ReachLaterSteps()
    {
        string? seen = null;
        var steps = new[]
        {
            new SyncStep("second", ["first"], [], (context, _) => { seen = context.Get<string>(); return Task.FromResult(new StepOutcome(new Dictionary<string, long>())); }),
            new SyncStep("first", [], [], (context, _) => { context.Set("ACCOUNT-UUID"); return Task.FromResult(new StepOutcome(new Dictionary<string, long>())); }),
        };

        await CreateSut().RunAsync(steps, Account, "run-1", CancellationToken.None);

        Assert.Equal("ACCOUNT-UUID", seen);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsInsteadOfRecordingFailure()
    {
        using var cancellation = new CancellationTokenSource();
        var steps = new[] { new SyncStep("a", [], [], async (_, token) => { await cancellation.CancelAsync(); token.ThrowIfCancellationRequested(); return new StepOutcome(new Dictionary<string, long>()); }) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().RunAsync(steps, Account, "run-1", cancellation.Token));
    }

    [Theory]
    [InlineData("dup", "Two steps have the id 'a'.")]
    [InlineData("unknown", "Step 'a' depends on 'ghost', which is not a step.")]
    [InlineData("cycle", "The steps a, b depend on each other in a cycle.")]
    public void Order_MisdeclaredSteps_Throws(string shape, string message)
    {
        SyncStep[] steps = shape switch
        {
            "dup" => [Step("a", []), Step("a", [])],
            "unknown" => [Step("a", ["ghost"])],
            _ => [Step("a", ["b"]), Step("b", ["a"])],
        };

        FluentActions.Invoking(() => StepExecutor.Order(steps)).Should().ThrowExactly<InvalidOperationException>().WithMessage(message);
    }

    private StepExecutor CreateSut() => new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero)), NullLogger<StepExecutor>.Instance);

    private SyncStep Step(string id, string[] dependsOn, bool fail = false) =>
        new(id, dependsOn, [], (_, _) =>
        {
            _ran.Add(id);
            return fail ? throw new InvalidOperationException($"{id} broke") : Task.FromResult(new StepOutcome(new Dictionary<string, long> { [id] = 1 }));
        });
}
