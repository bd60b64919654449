using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Neo4j.Internal;
using OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>
/// <see cref="ICypherRunner"/> over Neo4j's transactional HTTP endpoint: <c>/db/data/transaction/commit</c> on 3.x,
/// <c>/db/{database}/tx/commit</c> on 4.4, 5.x and 2025.x. Every call is one begin-and-commit request, so a request
/// either commits all of its statements or none of them.
/// </summary>
internal sealed class Neo4jHttpCypherRunner : ICypherRunner, IDisposable
{
    private readonly Neo4jHttpChannel _channel;
    private readonly DiscoveryCache _discovery = new();
    private readonly PooledRequestBodies _bodies = new();

    public Neo4jHttpCypherRunner(HttpClient httpClient, Neo4jSettings settings, ILogger<Neo4jHttpCypherRunner> logger)
    {
        _channel = new Neo4jHttpChannel(httpClient, settings, logger);
    }

    public Task<Neo4jServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) => _discovery.GetAsync(DiscoverAsync, cancellationToken);

    public void Dispose() => _discovery.Dispose();

    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var server = await GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        return await CommitAsync(server.CommitEndpoint, statements, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Neo4jServerInfo> DiscoverAsync(CancellationToken cancellationToken)
    {
        var root = await _channel.GetDocumentAsync(new Uri("/", UriKind.Relative), authenticate: false, cancellationToken).ConfigureAwait(false);
        Neo4jServerInfo info;
        if (root.Neo4jVersion is { } modernVersion && root.Transaction is { } template)
        {
            var version = _channel.ParseSupportedVersion(modernVersion);
            info = new Neo4jServerInfo(version, root.Neo4jEdition, CommitEndpointFrom(_channel.ForDatabase(template).ToString()));

            // 4.x and later serve discovery without credentials: a trivial statement proves the credentials and the database.
            await CommitAsync(info.CommitEndpoint, [CypherStatement.Probe], cancellationToken).ConfigureAwait(false);
        }
        else if (root.Data is { } dataLink)
        {
            var restRoot = await _channel.GetDocumentAsync(Neo4jHttpChannel.RelativeTo(dataLink), authenticate: true, cancellationToken).ConfigureAwait(false);
            if (restRoot.Neo4jVersion is null || restRoot.Transaction is null)
            {
                throw _channel.NotNeo4j("its REST root names no version or transaction endpoint");
            }

            info = new Neo4jServerInfo(_channel.ParseSupportedVersion(restRoot.Neo4jVersion), null, CommitEndpointFrom(restRoot.Transaction));
            info = info with { Edition = await ComponentsEditionAsync(info.CommitEndpoint, cancellationToken).ConfigureAwait(false) };
        }
        else if (root.Query is not null)
        {
            throw new Neo4jException(
                Neo4jErrorKind.Protocol,
                $"Neo4j at {_channel.Settings.DisplayUrl} offers only the Query API, not the transactional endpoint that Neo4j__Protocol=transactional asks for. "
                + "Set Neo4j__Protocol to auto or query.");
        }
        else
        {
            throw _channel.NotNeo4j("its discovery document names no version");
        }

        Neo4jLog.Discovered(_channel.Logger, _channel.Settings.DisplayUrl, info.Version, info.Edition ?? "unknown");
        return info;
    }

    // 3.x discovery does not report the edition; dbms.components() does, on every version. Only the display needs it.
    private async Task<string?> ComponentsEditionAsync(Uri commitEndpoint, CancellationToken cancellationToken)
    {
        try
        {
            var results = await CommitAsync(commitEndpoint, [new CypherStatement("CALL dbms.components() YIELD edition RETURN edition")], cancellationToken).ConfigureAwait(false);
            return results is [{ Rows: [[string edition, ..], ..] }] ? edition : null;
        }
        catch (Neo4jException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<CypherResult>> CommitAsync(Uri endpoint, IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = _bodies.Create(body => TransactionRequestWriter.Write(statements, body)),
        };
        request.Headers.Accept.Add(Neo4jHttpChannel.AcceptJson);
        request.Headers.Authorization = _channel.Authorization;

        using var response = await _channel.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await _channel.ReadBodyAsync(response, Neo4jJsonContext.Default.TransactionResponse, "transaction response", cancellationToken).ConfigureAwait(false);
        if (body?.Errors is [var first, ..])
        {
            throw _channel.ServerError(first);
        }

        _channel.ThrowOnFailureStatus(response);
        var results = body?.Results ?? throw _channel.NotNeo4j("its transaction response has no results");
        return results.Select(ToResult).ToList();
    }

    private static Uri CommitEndpointFrom(string transaction) => Neo4jHttpChannel.RelativeTo(transaction.TrimEnd('/') + "/commit");

    private static CypherResult ToResult(StatementResult result) =>
        new(
            result.Columns ?? [],
            (result.Data ?? []).Select(row => (IReadOnlyList<object?>)(row.Row ?? []).Select(CypherJson.ReadValue).ToList()).ToList());
}
