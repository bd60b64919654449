using System.CommandLine;

namespace OnePasswordGraph.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Config() => new("--config")
    {
        Description = "A JSON settings file read after appsettings.json and before environment variables.",
    };

    public static Option<string?> Account() => new("--account")
    {
        Description = "Only this account (its name in OnePassword:Accounts, or 'default' for the top-level one).",
    };
}
