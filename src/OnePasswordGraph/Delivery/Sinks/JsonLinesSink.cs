using System.Text;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>
/// Appends each finding as one line of JSON (<see cref="AlertJson"/>) to a file, flushed to disk before the delivery
/// counts. The file is held exclusively while a line is written, and a line cut short by a crash is removed before the
/// next one is appended: the outbox delivers that finding again, so every line in the file is whole.
/// </summary>
public sealed class JsonLinesSink : IAlertChannel
{
    public const string ChannelName = "jsonl";

    private readonly JsonlSinkSettings _settings;
    private readonly TransientRetry _retry;

    public JsonLinesSink(JsonlSinkSettings settings, TransientRetry retry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(retry);
        _settings = settings;
        _retry = retry;
    }

    public string Name => ChannelName;

    public bool Accepts(AlertMessage alert) => alert is not null && alert.Severity >= _settings.MinSeverity;

    public Task DeliverAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var line = Encoding.UTF8.GetBytes(AlertJson.Line(alert) + "\n");
        return _retry.ExecuteAsync(token => AppendAsync(line, token), cancellationToken);
    }

    private async Task AppendAsync(byte[] line, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_settings.Path))!);
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // Findings name people and secrets: a new file is readable by its owner only.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            file = new FileStream(_settings.Path, options);
        }
        catch (IOException ex) when (ex is not (DirectoryNotFoundException or PathTooLongException))
        {
            // Another process (a second worker, a manual `alerts run`) is writing its line.
            throw new AlertSinkException($"Alerts:Sinks:Jsonl:Path '{_settings.Path}' could not be opened for appending: {ex.Message}", innerException: ex);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or NotSupportedException or ArgumentException)
        {
            throw new AlertChannelRejectedException($"Alerts:Sinks:Jsonl:Path '{_settings.Path}' cannot be written: {ex.Message}. Point it at a file this user may create and append to.");
        }

        await using (file.ConfigureAwait(false))
        {
            await DropCutLineAsync(file, cancellationToken).ConfigureAwait(false);
            file.Seek(0, SeekOrigin.End);
            await file.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }
    }

    private static async Task DropCutLineAsync(FileStream file, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return;
        }

        var last = new byte[1];
        file.Seek(-1, SeekOrigin.End);
        if (await file.ReadAsync(last, cancellationToken).ConfigureAwait(false) == 1 && last[0] == (byte)'\n')
        {
            return;
        }

        // Walk back to the end of the last whole line; lines are small, so this reads little.
        var end = file.Length;
        var buffer = new byte[4096];
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            file.Seek(start, SeekOrigin.Begin);
            var read = await file.ReadAtLeastAsync(buffer.AsMemory(0, (int)(end - start)), (int)(end - start), throwOnEndOfStream: true, cancellationToken).ConfigureAwait(false);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', read - 1);
            if (newline >= 0)
            {
                file.SetLength(start + newline + 1);
                return;
            }

            end = start;
        }

        file.SetLength(0);
    }
}
