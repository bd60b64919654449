namespace OnePasswordGraph.Cli;

/// <summary>The exit codes of DESIGN.md, shared by every command.</summary>
internal static class ExitCodes
{
    public const int Succeeded = 0;

    /// <summary>Some step or check failed; the output says which and why.</summary>
    public const int StepFailed = 1;

    /// <summary>The configuration is invalid; nothing was fetched.</summary>
    public const int BadConfiguration = 2;
}
