using System.Globalization;
using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Hosting.Configuration;

namespace OnePasswordGraph.Hosting.LocalNeo4j;

/// <summary>
/// Where the local Neo4j that OnePasswordGraph manages lives (its distribution, data and generated password) and the
/// loopback port it answers on. Read from <c>LocalNeo4j__Directory</c> and <c>LocalNeo4j__HttpPort</c>; by default
/// under the user's data directory (<c>$XDG_DATA_HOME/onepassword-graph/neo4j</c>, else
/// <c>~/.local/share/onepassword-graph/neo4j</c>) on port 17474, away from a Neo4j of the user's own on 7474.
/// </summary>
public sealed record LocalNeo4jLocation(string Directory, int HttpPort)
{
    public const int DefaultHttpPort = 17474;

    /// <summary>Gets the distribution cache (Neo4j and its npm tarball), kept by <c>reset</c>.</summary>
    public string CacheDirectory => Path.Combine(Directory, "cache");

    /// <summary>Gets the instance directory: conf, data, logs and the pid file.</summary>
    public string InstanceDirectory => Path.Combine(Directory, "instance");

    /// <summary>Gets the file holding the generated password of user <c>neo4j</c>, readable by the user only.</summary>
    public string PasswordFile => Path.Combine(Directory, "password");

    /// <summary>Gets the Bolt port, for Neo4j Browser: 213 above the HTTP port (17687 by default, as 7687 is to 7474).</summary>
    public int BoltPort => HttpPort + 213;

    public Uri Url => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HttpPort}/"));

    /// <exception cref="ConfigurationException">The port is not a port number.</exception>
    public static LocalNeo4jLocation From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var port = DefaultHttpPort;
        if (configuration["LocalNeo4j:HttpPort"] is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535 - 213))
        {
            throw new ConfigurationException([$"LocalNeo4j__HttpPort '{text}' is not a usable port; set 1 to 65322 (default {DefaultHttpPort}; Bolt takes the port 213 above it) or unset it."]);
        }

        var directory = configuration["LocalNeo4j:Directory"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : DefaultDirectory();
        return new LocalNeo4jLocation(directory, port);
    }

    private static string DefaultDirectory()
    {
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "onepassword-graph", "neo4j");
    }
}
