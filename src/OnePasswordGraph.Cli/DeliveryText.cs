using System.Globalization;
using System.Text;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Cli;

/// <summary>Renders what each alert channel still owes an account, for <c>status</c>.</summary>
internal static class DeliveryText
{
    public static string Describe(IReadOnlyList<ChannelBacklog> backlog, TimeSpan maxAge, DateTimeOffset now)
    {
        var text = new StringBuilder();
        foreach (var (channel, i) in backlog.Select((c, i) => (c, i)))
        {
            var owed = channel.Pending == 0
                ? "nothing owed"
                : string.Create(CultureInfo.InvariantCulture, $"{channel.Pending} owed, oldest raised {channel.OldestPendingOn:yyyy-MM-dd HH:mm}Z ({HumanDuration.Describe(now - channel.OldestPendingOn!.Value)} ago)");
            var expired = channel.Expired == 0
                ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $"; {channel.Expired} never delivered and older than {HumanDuration.Describe(maxAge)}, no longer tried");
            var error = channel.Pending > 0 && channel.LastError is { } last ? $"; last error: {last}" : string.Empty;
            text.Append(i == 0 ? "  delivery     " : "               ").Append(channel.Channel).Append(": ").Append(owed).Append(expired).Append(error).Append('\n');
        }

        return text.ToString();
    }
}
