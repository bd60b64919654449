using System.Globalization;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>Who holds an account's lease, since when, and until when unless renewed.</summary>
/// <param name="Holder">The holder's name (<see cref="LeaseHolder"/>: host, process id, command, a random part).</param>
/// <param name="AcquiredOn">When the holder took the lease; null for a lease written by an older version.</param>
/// <param name="ExpiresOn">When it lapses unless renewed.</param>
public sealed record LeaseState(string Holder, DateTimeOffset? AcquiredOn, DateTimeOffset ExpiresOn)
{
    /// <summary>Gets the holder's host, when the name has the <see cref="LeaseHolder"/> shape.</summary>
    public string? Host => Parts is [var host, ..] ? host : null;

    /// <summary>Gets the holder's process id, when the name has the <see cref="LeaseHolder"/> shape.</summary>
    public int? ProcessId => Parts is [_, var id, ..] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;

    /// <summary>Gets the command the holder runs (<c>sync</c>, <c>run</c>, <c>demo</c>), when named.</summary>
    public string? Command => Parts is [_, _, var command, ..] ? command : null;

    private string[] Parts => Holder.Split(':');
}
