using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Delivery.Sinks;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Tests.Delivery.Sinks;

public sealed class JsonLinesSinkTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("opg-jsonl-");

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Deliver_TwoFindings_AppendsOneWholeJsonLineEach()
    {
        var path = PathOf("nested/findings.jsonl");
        var sink = Sink(path);

        await sink.DeliverAsync(Alert("aa"), CancellationToken.None);
        await sink.DeliverAsync(Alert("bb"), CancellationToken.None);

        var text = await File.ReadAllTextAsync(path);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["aa", "bb"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("fingerprint").GetString()));
        Assert.Equal(AlertJson.Line(Alert("aa")), lines[0]);
    }

    [Fact]
    public async Task Deliver_FileEndsInALineCutByACrash_DropsTheCutLineBeforeAppending()
    {
        var path = PathOf("findings.jsonl");
        var whole = AlertJson.Line(Alert("aa")) + "\n";
        await File.WriteAllTextAsync(path, whole + AlertJson.Line(Alert("bb"))[..25]);

        await Sink(path).DeliverAsync(Alert("bb"), CancellationToken.None);

        Assert.Equal(whole + AlertJson.Line(Alert("bb")) + "\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Deliver_OnlyACutLine_LeavesOnlyTheNewLine()
    {
        var path = PathOf("findings.jsonl");
        await File.WriteAllTextAsync(path, new string('x', 10_000));

        await Sink(path).DeliverAsync(Alert("aa"), CancellationToken.None);

        Assert.Equal(AlertJson.Line(Alert("aa")) + "\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Deliver_NewFile_IsReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = PathOf("findings.jsonl");

        await Sink(path).DeliverAsync(Alert("aa"), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Deliver_FileHeldByAnotherWriter_FailsAsTransientAndSucceedsOnceReleased()
    {
        var path = PathOf("findings.jsonl");
        var sink = Sink(path);
        var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = await Assert.ThrowsAsync<AlertSinkException>(() => sink.DeliverAsync(Alert("aa"), CancellationToken.None));
        await held.DisposeAsync();
        await sink.DeliverAsync(Alert("aa"), CancellationToken.None);

        Assert.True(TransientRetry.IsTransient(error));
        Assert.Equal(AlertJson.Line(Alert("aa")) + "\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Deliver_PathIsADirectory_IsRejectedNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<AlertChannelRejectedException>(() => Sink(_directory.FullName).DeliverAsync(Alert("aa"), CancellationToken.None));

        Assert.Contains("Alerts:Sinks:Jsonl:Path", error.Message, StringComparison.Ordinal);
    }

    private static JsonLinesSink Sink(string path) => new(
        new JsonlSinkSettings(path, AlertSeverity.Low),
        new TransientRetry("test", new RetryOptions { MaxRetryAttempts = 1, InitialDelay = TimeSpan.FromMilliseconds(1) }, TimeProvider.System, NullLogger.Instance));

    private static AlertMessage Alert(string fingerprint) => new(
        fingerprint, "vault-export", "Vault export", AlertSeverity.High, "alice exported \"Finance\"\nsecond line", "acme",
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, ["U1"], ["E1"]);
}
