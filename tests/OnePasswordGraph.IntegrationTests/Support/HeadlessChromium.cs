using System.Diagnostics;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>
/// Opens a local HTML file in Debian's Chromium, headless, with a profile of its own; the page's console messages and
/// uncaught errors come back on standard error (<c>--enable-logging=stderr</c>).
/// </summary>
internal static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    /// <summary>Opens <paramref name="page"/>, runs Chromium with <paramref name="action"/> (e.g. <c>--screenshot=…</c>) and returns its exit code, standard output and error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> OpenAsync(string page, string action)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: run scripts/test.sh, which installs Debian's chromium package, or `apt-get install -y --no-install-recommends chromium`.");
        var profile = Directory.CreateTempSubdirectory("opg-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--enable-logging=stderr", "--v=0",
                "--window-size=1280,2000", action, new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>The lines of Chromium's standard error that report a console message or an uncaught error of the page.</summary>
    public static IReadOnlyList<string> ConsoleErrors(string error) =>
        [.. error.Split('\n').Where(line => line.Contains("CONSOLE", StringComparison.Ordinal) || line.Contains("Uncaught", StringComparison.Ordinal))];
}
