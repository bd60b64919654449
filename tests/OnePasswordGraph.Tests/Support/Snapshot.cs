using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.Support;

/// <summary>
/// Compares generated text with a file committed under the tests. Run with UPDATE_SNAPSHOTS=1 to rewrite the files,
/// then review the diff like any other change.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string relativePath)
    {
        var path = Path.Combine(RepositoryRoot.Path, relativePath);
        var normalized = actual.ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"Snapshot {relativePath} does not exist; run the tests with UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), normalized);
    }
}
