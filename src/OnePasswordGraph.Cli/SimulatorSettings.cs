using System.Globalization;
using System.Text;
using OnePasswordGraph.Simulator;

namespace OnePasswordGraph.Cli;

/// <summary>The settings that sync a running simulator, as shell <c>export</c> lines.</summary>
internal static class SimulatorSettings
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(SimulatedAccount simulated, DateTimeOffset backfillStart) =>
    [
        new("OnePassword__Events__BaseUrl", simulated.Events.BaseUrl.ToString()),
        new("OnePassword__Events__Token", simulated.EventsToken),
        new("OnePassword__Connect__BaseUrl", simulated.Connect.BaseUrl.ToString()),
        new("OnePassword__Connect__Token", simulated.ConnectToken),
        new("OnePassword__Users__BaseUrl", simulated.Users.BaseUrl.ToString()),
        new("OnePassword__Users__ClientId", simulated.UsersClientId),
        new("OnePassword__Users__ClientSecret", simulated.UsersClientSecret),
        new("OnePassword__BackfillStartTime", backfillStart.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
    ];

    public static string AsExports(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in settings)
        {
            // Single quotes keep every character literal; a quote inside is closed, escaped and reopened.
            text.Append("export ").Append(key).Append("='").Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        }

        return text.ToString();
    }

    /// <summary>Writes the exports readable by the user only (they hold tokens), whole or not at all, so a shell waiting for the file never sources half of it.</summary>
    public static async Task WriteEnvFileAsync(FileInfo file, IEnumerable<KeyValuePair<string, string>> settings, CancellationToken cancellationToken)
    {
        var partial = file.FullName + ".partial";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(partial, options))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(AsExports(settings)), cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, file.FullName, overwrite: true);
    }
}
