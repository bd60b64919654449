using OnePasswordGraph.Testing;
using Xunit.Abstractions;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// Appends each scenario's row to <c>artifacts/test-results/fault-figures.md</c> (scripts/test.sh and scripts/faults.sh
/// print it at the end), and to the test's output. The file starts with the profile and seed when it is new.
/// </summary>
internal static class FaultFigures
{
    public static string FilePath { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "test-results", "fault-figures.md");

    public static void Record(ITestOutputHelper output, FaultFigure figure)
    {
        var profile = FaultProfile.Current;
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var text = figure.ToMarkdown() + "\n";
        if (!File.Exists(FilePath))
        {
            text = $"Fault suite, {profile.Name} profile, seed {profile.Seed} (FAULTS_SEED={profile.Seed} repeats it), {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores\n\n"
                + FaultFigure.Header + "\n" + text;
        }

        // The collection runs one test at a time, so appends never interleave.
        File.AppendAllText(FilePath, text);
        output.WriteLine(FaultFigure.Header);
        output.WriteLine(figure.ToMarkdown());
    }
}
