using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
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
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json") { CharSet = "UTF-8" };

    private readonly HttpClient _httpClient;
    private readonly Neo4jSettings _settings;
    private readonly ILogger _logger;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly SemaphoreSlim _discoveryGate = new(1, 1);
    private Neo4jServerInfo? _serverInfo;

    public Neo4jHttpCypherRunner(HttpClient httpClient, Neo4jSettings settings, ILogger<Neo4jHttpCypherRunner> logger)
    {
        _httpClient = httpClient;
        _settings = settings;
        _logger = logger;
        _authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}")));
    }

    public async Task<Neo4jServerInfo> GetServerInfoAsync(CancellationToken cancellationToken)
    {
        if (_serverInfo is { } known)
        {
            return known;
        }

        await _discoveryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _serverInfo ??= await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            return _serverInfo;
        }
        finally
        {
            _discoveryGate.Release();
        }
    }

    public void Dispose() => _discoveryGate.Dispose();

    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var server = await GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        return await CommitAsync(server.CommitEndpoint, statements, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Neo4jServerInfo> DiscoverAsync(CancellationToken cancellationToken)
    {
        var root = await GetDocumentAsync(new Uri("/", UriKind.Relative), authenticate: false, cancellationToken).ConfigureAwait(false);
        Neo4jServerInfo info;
        if (root.Neo4jVersion is { } modernVersion && root.Transaction is { } template)
        {
            var version = ParseSupportedVersion(modernVersion);
            var transaction = template.Replace("{databaseName}", Uri.EscapeDataString(_settings.Database), StringComparison.Ordinal);
            info = new Neo4jServerInfo(version, root.Neo4jEdition, CommitEndpointFrom(transaction));

            // 4.x and later serve discovery without credentials: a trivial statement proves the credentials and the database.
            await CommitAsync(info.CommitEndpoint, [CypherStatement.Probe], cancellationToken).ConfigureAwait(false);
        }
        else if (root.Data is { } dataLink)
        {
            var restRoot = await GetDocumentAsync(RelativeTo(dataLink), authenticate: true, cancellationToken).ConfigureAwait(false);
            if (restRoot.Neo4jVersion is null || restRoot.Transaction is null)
            {
                throw NotNeo4j("its REST root names no version or transaction endpoint");
            }

            info = new Neo4jServerInfo(ParseSupportedVersion(restRoot.Neo4jVersion), null, CommitEndpointFrom(restRoot.Transaction));
            info = info with { Edition = await ComponentsEditionAsync(info.CommitEndpoint, cancellationToken).ConfigureAwait(false) };
        }
        else
        {
            throw NotNeo4j("its discovery document names no version");
        }

        Neo4jLog.Discovered(_logger, _settings.DisplayUrl, info.Version, info.Edition ?? "unknown");
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

    private async Task<DiscoveryDocument> GetDocumentAsync(Uri path, bool authenticate, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(AcceptJson);
        if (authenticate)
        {
            request.Headers.Authorization = _authorization;
        }

        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        ThrowOnFailureStatus(response);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(body, Neo4jJsonContext.Default.DiscoveryDocument, cancellationToken).ConfigureAwait(false)
                ?? throw NotNeo4j("its discovery document is empty");
        }
        catch (JsonException ex)
        {
            throw NotNeo4j("its discovery document is not JSON", ex);
        }
    }

    private async Task<IReadOnlyList<CypherResult>> CommitAsync(Uri endpoint, IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new TransactionRequestContent(statements) };
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.Authorization = _authorization;

        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await ReadTransactionResponseAsync(response, cancellationToken).ConfigureAwait(false);
        if (body?.Errors is [var first, ..])
        {
            throw ServerError(first);
        }

        ThrowOnFailureStatus(response);
        var results = body?.Results ?? throw NotNeo4j("its transaction response has no results");
        return results.Select(ToResult).ToList();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new Neo4jException(
                Neo4jErrorKind.Unreachable,
                $"Neo4j is unreachable at {_settings.DisplayUrl}: {ex.Message} Check Neo4j:Url and that the server is running.",
                innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Neo4jException(
                Neo4jErrorKind.Transient,
                $"Neo4j at {_settings.DisplayUrl} did not answer within {_httpClient.Timeout.TotalSeconds:0} s.",
                innerException: ex);
        }
    }

    private async Task<TransactionResponse?> ReadTransactionResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var media = response.Content.Headers.ContentType?.MediaType;
        if (media is null || !media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(stream, Neo4jJsonContext.Default.TransactionResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex) when (!response.IsSuccessStatusCode)
        {
            Neo4jLog.UnreadableErrorBody(_logger, (int)response.StatusCode, ex.Message);
            return null;
        }
        catch (JsonException ex)
        {
            throw NotNeo4j("its transaction response is not JSON", ex);
        }
    }

    private void ThrowOnFailureStatus(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new Neo4jException(
                Neo4jErrorKind.Authentication,
                $"Neo4j at {_settings.DisplayUrl} rejected the credentials of user '{_settings.User}' (HTTP 401). Check {_settings.CredentialKeys}."),
            HttpStatusCode.TooManyRequests => new Neo4jException(
                Neo4jErrorKind.Authentication,
                $"Neo4j at {_settings.DisplayUrl} is refusing logins of user '{_settings.User}' for a while (HTTP 429) after too many failed logins, "
                + $"the lockout that protects it from password guessing. Waiting fixes it (Neo4j's dbms.security.auth_lock_time, 5 s by default); "
                + $"if logins failed because of this configuration, fix {_settings.CredentialKeys} first."),
            HttpStatusCode.Forbidden => new Neo4jException(
                Neo4jErrorKind.Authentication,
                $"Neo4j at {_settings.DisplayUrl} refused user '{_settings.User}' (HTTP 403): the user lacks the rights, or must change its initial password first."),
            HttpStatusCode.NotFound => new Neo4jException(
                Neo4jErrorKind.Protocol,
                $"Neo4j at {_settings.DisplayUrl} has no {response.RequestMessage?.RequestUri?.AbsolutePath} endpoint (HTTP 404). Check Neo4j:Url points at the HTTP port (7474 or 7473) and that the HTTP API is enabled."),
            _ => new Neo4jException(
                Neo4jErrorClassifier.ClassifyHttpStatus(status),
                $"Neo4j at {_settings.DisplayUrl} answered HTTP {status} {response.ReasonPhrase}."),
        };
    }

    private Neo4jException ServerError(ServerError error)
    {
        var kind = Neo4jErrorClassifier.Classify(error.Code);
        var message = kind switch
        {
            Neo4jErrorKind.DatabaseNotFound =>
                $"Neo4j at {_settings.DisplayUrl} has no database '{_settings.Database}'. Create it or set Neo4j:Database to an existing one.",
            Neo4jErrorKind.Authentication =>
                $"Neo4j at {_settings.DisplayUrl} refused user '{_settings.User}': {error.Message} ({error.Code}). Check {_settings.CredentialKeys}.",
            _ => $"Neo4j refused the statement: {error.Message} ({error.Code}).",
        };
        return new Neo4jException(kind, message, error.Code);
    }

    private Neo4jVersion ParseSupportedVersion(string text)
    {
        Neo4jVersion version;
        try
        {
            version = Neo4jVersion.Parse(text);
        }
        catch (FormatException ex)
        {
            throw NotNeo4j($"it reports the version '{text}'", ex);
        }

        return version.UnsupportedReason is { } reason
            ? throw new Neo4jException(Neo4jErrorKind.UnsupportedVersion, $"{reason} (server at {_settings.DisplayUrl})")
            : version;
    }

    // Discovery documents carry the server's own idea of its address, which behind a proxy or in a container is not
    // the address we reach it by; keep only the path.
    private static Uri RelativeTo(string advertised) =>
        Uri.TryCreate(advertised, UriKind.Absolute, out var absolute)
            ? new Uri(absolute.PathAndQuery, UriKind.Relative)
            : new Uri(advertised, UriKind.Relative);

    private static Uri CommitEndpointFrom(string transaction) => RelativeTo(transaction.TrimEnd('/') + "/commit");

    private Neo4jException NotNeo4j(string what, Exception? inner = null) =>
        new(Neo4jErrorKind.Protocol, $"The server at {_settings.DisplayUrl} does not look like Neo4j's HTTP API: {what}. Check Neo4j:Url.", innerException: inner);

    private static CypherResult ToResult(StatementResult result) =>
        new(
            result.Columns ?? [],
            (result.Data ?? []).Select(row => (IReadOnlyList<object?>)(row.Row ?? []).Select(CypherJson.ReadValue).ToList()).ToList());
}
