using System.Text;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>One request an <see cref="AlertReceiver"/> got.</summary>
internal sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
