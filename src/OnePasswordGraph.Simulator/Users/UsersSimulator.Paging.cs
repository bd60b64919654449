using System.Globalization;
using System.Text;

namespace OnePasswordGraph.Simulator.Users;

/// <summary>The page tokens of the user listing: opaque to clients, bound to the filter they were issued for.</summary>
public sealed partial class UsersSimulator
{
    private static string PageToken(int offset, string filter) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{offset}|{filter}")));

    private static int? ReadPageToken(string token, string filter)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|', 2);
            return text.Length == 2 && text[1] == filter && int.TryParse(text[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
