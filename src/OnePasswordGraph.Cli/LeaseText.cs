using System.Globalization;
using OnePasswordGraph.Graph.Jobs;

namespace OnePasswordGraph.Cli;

/// <summary>Explains a held lease to the person whose sync was skipped: who holds it, since and until when, and what to do.</summary>
internal static class LeaseText
{
    public static string Held(LeaseState? state, DateTimeOffset now)
    {
        if (state is null)
        {
            return "another process was syncing it (its lease was held, and has been released since)";
        }

        var who = state.Host is { } host && state.ProcessId is { } pid
            ? $"process {pid.ToString(CultureInfo.InvariantCulture)} on {host}" + (state.Command is { } command ? $" (onepassword-graph {command})" : string.Empty)
            : state.Holder;
        var since = state.AcquiredOn is { } acquired ? $" since {acquired.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : string.Empty;
        var left = state.ExpiresOn - now;
        return string.Create(CultureInfo.InvariantCulture, $"another process is syncing it: {who} holds its lease{since}, until {state.ExpiresOn.UtcDateTime:HH:mm:ss}Z ({Math.Max(0, (int)Math.Ceiling(left.TotalSeconds))} s from now) unless it renews it");
    }

    public static string WhatToDo(LeaseState? state, bool waited) =>
        (waited ? "It was still held when --wait ran out. " : string.Empty)
        + "Wait for that run to finish (`onepassword-graph status` shows the account's last run), run `onepassword-graph sync --wait 10m` to queue behind it, "
        + "or stop that process; a killed holder's lease lapses at its expiry"
        + (state?.Host is { } host && string.Equals(host, Environment.MachineName, StringComparison.Ordinal) ? ", or at once since it is on this host." : ".");
}
