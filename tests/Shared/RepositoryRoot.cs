namespace OnePasswordGraph.Testing;

/// <summary>Finds the repository root (the folder holding OnePasswordGraph.sln) from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OnePasswordGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OnePasswordGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
