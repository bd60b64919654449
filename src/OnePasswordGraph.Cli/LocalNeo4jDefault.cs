using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Hosting.LocalNeo4j;

namespace OnePasswordGraph.Cli;

/// <summary>
/// The embedded default of <c>demo</c>, <c>sync</c> and <c>run</c>: with no <c>Neo4j__Url</c> configured they use
/// the local Neo4j that OnePasswordGraph manages (started, and installed on first use, on demand). With
/// <c>Neo4j__Url</c> set nothing changes.
/// </summary>
internal static class LocalNeo4jDefault
{
    /// <summary>Gets <c>neo4j.sh</c>, shipped next to the CLI (build and publish output alike).</summary>
    public static string Script => Path.Combine(AppContext.BaseDirectory, "neo4j.sh");

    public static LocalNeo4jServer Server(IConfiguration configuration) => new(LocalNeo4jLocation.From(configuration), Script);

    /// <summary>
    /// Resolves the configuration, with the local Neo4j in place of a missing <c>Neo4j__Url</c>. Everything else is
    /// validated before the server starts, so a wrong setting exits 2 at once. Returns null and the exit code when it could not.
    /// </summary>
    public static async Task<(ResolvedConfiguration? Configuration, int ExitCode)> ResolveAsync(
        FileInfo? configFile, string? onlyAccount, string why, TextWriter error, ConfigurationScope scope, CancellationToken cancellationToken)
    {
        IConfiguration user;
        LocalNeo4jServer server;
        try
        {
            user = CliConfiguration.Build(configFile);
            if (!Applies(user))
            {
                return (await CliServices.ResolveAsync(() => user, onlyAccount, error, scope).ConfigureAwait(false), ExitCodes.BadConfiguration);
            }

            server = Server(user);
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return (null, ExitCodes.BadConfiguration);
        }

        // The password file exists once the server is set up; a stand-in lets everything else be checked first.
        if (await CliServices.ResolveAsync(() => Overlay(user, server.Location, standInPassword: true), onlyAccount, error, scope).ConfigureAwait(false) is null)
        {
            return (null, ExitCodes.BadConfiguration);
        }

        if (!await TryStartAsync(server, why, error, cancellationToken).ConfigureAwait(false))
        {
            return (null, ExitCodes.StepFailed);
        }

        return (await CliServices.ResolveAsync(() => Overlay(user, server.Location, standInPassword: false), onlyAccount, error, scope).ConfigureAwait(false), ExitCodes.BadConfiguration);
    }

    /// <summary>
    /// Returns <paramref name="user"/> unchanged when it sets <c>Neo4j__Url</c>; otherwise starts the local Neo4j and
    /// returns the configuration pointed at it, with the server, or null and the exit code when it could not (printed).
    /// </summary>
    public static async Task<(IConfiguration? Configuration, LocalNeo4jServer? Local, int ExitCode)> ApplyAsync(
        IConfiguration user, string why, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Applies(user))
        {
            return (user, null, ExitCodes.Succeeded);
        }

        LocalNeo4jServer server;
        try
        {
            server = Server(user);
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return (null, null, ExitCodes.BadConfiguration);
        }

        return await TryStartAsync(server, why, error, cancellationToken).ConfigureAwait(false)
            ? (Overlay(user, server.Location, standInPassword: false), server, ExitCodes.Succeeded)
            : (null, null, ExitCodes.StepFailed);
    }

    private static bool Applies(IConfiguration user) => string.IsNullOrWhiteSpace(user["Neo4j:Url"]);

    private static async Task<bool> TryStartAsync(LocalNeo4jServer server, string why, TextWriter error, CancellationToken cancellationToken)
    {
        await error.WriteLineAsync($"Neo4j__Url is not set: {why} uses the local Neo4j that onepassword-graph manages in {server.Location.Directory} "
            + "(installed on first use; set Neo4j__Url to use your own Neo4j).").ConfigureAwait(false);
        try
        {
            if (await server.EnsureStartedAsync(cancellationToken).ConfigureAwait(false))
            {
                await error.WriteLineAsync($"Started the local Neo4j at {server.Location.Url}; it keeps running for later runs (`onepassword-graph local-neo4j stop` stops it).")
                    .ConfigureAwait(false);
            }

            return true;
        }
        catch (LocalNeo4jException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return false;
        }
    }

    private static IConfiguration Overlay(IConfiguration user, LocalNeo4jLocation location, bool standInPassword) =>
        new ConfigurationBuilder()
            .AddConfiguration(user)
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Neo4j:Url"] = location.Url.ToString(),
                ["Neo4j:User"] = LocalNeo4jServer.User,
                ["Neo4j:Password"] = standInPassword ? "stand-in" : null,
                ["Neo4j:PasswordFile"] = standInPassword ? null : location.PasswordFile,
            })
            .Build();
}
