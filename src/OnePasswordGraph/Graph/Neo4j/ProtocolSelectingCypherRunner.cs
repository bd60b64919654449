using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Neo4j.Internal;

namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>
/// The <see cref="ICypherRunner"/> the application uses: on first use it picks the transactional endpoint or the Query
/// API, as <see cref="Neo4jSettings.Protocol"/> says or, for <see cref="Neo4jProtocol.Auto"/>, as the server's
/// discovery document offers (the transactional endpoint whenever there is one, so 3.1 to 2025.x self-managed servers
/// keep the path they always had; the Query API when it is all there is, as on Aura), then hands every call to it.
/// </summary>
public sealed class ProtocolSelectingCypherRunner : ICypherRunner, IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly Neo4jSettings _settings;
    private readonly ILoggerFactory _loggers;
    private readonly SemaphoreSlim _selectionGate = new(1, 1);
    private (ICypherRunner Runner, string Reason)? _selected;

    public ProtocolSelectingCypherRunner(HttpClient httpClient, Neo4jSettings settings, ILoggerFactory loggers)
    {
        _httpClient = httpClient;
        _settings = settings;
        _loggers = loggers;
    }

    public async Task<Neo4jServerInfo> GetServerInfoAsync(CancellationToken cancellationToken)
    {
        var (runner, reason) = await SelectAsync(cancellationToken).ConfigureAwait(false);
        var info = await runner.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        return info with { ProtocolReason = reason };
    }

    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        var (runner, _) = await SelectAsync(cancellationToken).ConfigureAwait(false);
        return await runner.RunAsync(statements, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        (_selected?.Runner as IDisposable)?.Dispose();
        _selectionGate.Dispose();
    }

    private async Task<(ICypherRunner Runner, string Reason)> SelectAsync(CancellationToken cancellationToken)
    {
        if (_selected is { } known)
        {
            return known;
        }

        await _selectionGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_selected is null)
            {
                var (protocol, reason) = await ChooseAsync(cancellationToken).ConfigureAwait(false);
                ICypherRunner runner = protocol == Neo4jProtocol.Query
                    ? new Neo4jQueryApiCypherRunner(_httpClient, _settings, _loggers.CreateLogger<Neo4jQueryApiCypherRunner>())
                    : new Neo4jHttpCypherRunner(_httpClient, _settings, _loggers.CreateLogger<Neo4jHttpCypherRunner>());
                Neo4jLog.ProtocolChosen(_loggers.CreateLogger<ProtocolSelectingCypherRunner>(), _settings.DisplayUrl, Neo4jServerInfo.Describe(protocol), reason);
                _selected = (runner, reason);
            }

            return _selected.Value;
        }
        finally
        {
            _selectionGate.Release();
        }
    }

    private async Task<(Neo4jProtocol Protocol, string Reason)> ChooseAsync(CancellationToken cancellationToken)
    {
        if (_settings.Protocol != Neo4jProtocol.Auto)
        {
            return (_settings.Protocol, "set by Neo4j__Protocol");
        }

        var channel = new Neo4jHttpChannel(_httpClient, _settings, _loggers.CreateLogger<ProtocolSelectingCypherRunner>());
        var root = await channel.GetDocumentAsync(new Uri("/", UriKind.Relative), authenticate: false, cancellationToken).ConfigureAwait(false);
        return root.Transaction is null && root.Data is null && root.Query is not null
            ? (Neo4jProtocol.Query, "the server's discovery offers no transactional endpoint")
            : (Neo4jProtocol.Transactional, "the server's discovery offers the transactional endpoint");
    }
}
