namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>Finds why a process exited 1: the last line that names the failed system and is not a retry's warning or an informational log line.</summary>
internal static class ExitReason
{
    public static string? Find(string text, string subject)
    {
        var line = text.Split('\n').LastOrDefault(l =>
            l.Contains(subject, StringComparison.Ordinal)
            && l.Contains("fail", StringComparison.OrdinalIgnoreCase)
            && !l.Contains(" warn: ", StringComparison.Ordinal)
            && !l.Contains(" info: ", StringComparison.Ordinal)
            && !l.Contains(" dbug: ", StringComparison.Ordinal));

        // A log line's message follows its category and event id ("… fail: Category[5002] message").
        var message = line?.IndexOf("] ", StringComparison.Ordinal) ?? -1;
        return message >= 0 && line!.Contains(" fail: ", StringComparison.Ordinal) ? line[(message + 2)..] : line;
    }
}
