namespace OnePasswordGraph.Diagnostics;

/// <summary>
/// The base of the product's expected failures: bad configuration, a remote system that refused or stayed down, a
/// lost lease. Its message is written for the person running the tool (what failed, and what to do), so commands
/// print it without a stack trace; anything else that escapes is a bug.
/// </summary>
public abstract class OnePasswordGraphException : Exception
{
    protected OnePasswordGraphException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
