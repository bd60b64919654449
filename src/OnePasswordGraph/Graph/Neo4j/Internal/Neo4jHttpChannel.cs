using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

namespace OnePasswordGraph.Graph.Neo4j.Internal;

/// <summary>
/// What both HTTP protocols share: sending with the credentials, reading discovery, turning HTTP statuses and Neo4j
/// error bodies into <see cref="Neo4jException"/>s worded for the operator, and checking the server's version.
/// </summary>
internal sealed class Neo4jHttpChannel
{
    public static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json") { CharSet = "UTF-8" };

    private readonly HttpClient _httpClient;

    public Neo4jHttpChannel(HttpClient httpClient, Neo4jSettings settings, ILogger logger)
    {
        _httpClient = httpClient;
        Settings = settings;
        Logger = logger;
        Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}")));
    }

    public Neo4jSettings Settings { get; }

    public ILogger Logger { get; }

    public AuthenticationHeaderValue Authorization { get; }

    /// <summary>Reads a discovery document; <c>GET /</c> is served without credentials from 4.0 on, and on Aura.</summary>
    public async Task<DiscoveryDocument> GetDocumentAsync(Uri path, bool authenticate, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(AcceptJson);
        if (authenticate)
        {
            request.Headers.Authorization = Authorization;
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

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new Neo4jException(
                Neo4jErrorKind.Unreachable,
                $"Neo4j is unreachable at {Settings.DisplayUrl}: {ex.Message} Check Neo4j:Url and that the server is running.",
                innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Neo4jException(
                Neo4jErrorKind.Transient,
                $"Neo4j at {Settings.DisplayUrl} did not answer within {_httpClient.Timeout.TotalSeconds:0} s.",
                innerException: ex);
        }
    }

    /// <summary>
    /// Reads a JSON response body, or returns null when there is none (a proxy's HTML page, an empty error): the
    /// status then speaks for itself. A success whose body is not JSON is a protocol failure.
    /// </summary>
    public async Task<T?> ReadBodyAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
        where T : class
    {
        var media = response.Content.Headers.ContentType?.MediaType;
        if (media is null || !media.Contains("json", StringComparison.OrdinalIgnoreCase) && !media.Contains("vnd.neo4j", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex) when (!response.IsSuccessStatusCode)
        {
            Neo4jLog.UnreadableErrorBody(Logger, (int)response.StatusCode, ex.Message);
            return null;
        }
        catch (JsonException ex)
        {
            throw NotNeo4j($"its {what} is not JSON", ex);
        }
    }

    public void ThrowOnFailureStatus(HttpResponseMessage response)
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
                $"Neo4j at {Settings.DisplayUrl} rejected the credentials of user '{Settings.User}' (HTTP 401). Check {Settings.CredentialKeys}."),
            HttpStatusCode.TooManyRequests => new Neo4jException(
                Neo4jErrorKind.Authentication,
                $"Neo4j at {Settings.DisplayUrl} is refusing logins of user '{Settings.User}' for a while (HTTP 429) after too many failed logins, "
                + $"the lockout that protects it from password guessing. Waiting fixes it (Neo4j's dbms.security.auth_lock_time, 5 s by default); "
                + $"if logins failed because of this configuration, fix {Settings.CredentialKeys} first."),
            HttpStatusCode.Forbidden => new Neo4jException(
                Neo4jErrorKind.Authentication,
                $"Neo4j at {Settings.DisplayUrl} refused user '{Settings.User}' (HTTP 403): the user lacks the rights, or must change its initial password first."),
            HttpStatusCode.NotFound => new Neo4jException(
                Neo4jErrorKind.Protocol,
                $"Neo4j at {Settings.DisplayUrl} has no {response.RequestMessage?.RequestUri?.AbsolutePath} endpoint (HTTP 404). Check Neo4j:Url points at the HTTP port (7474 or 7473) and that the HTTP API is enabled."),
            _ => new Neo4jException(
                Neo4jErrorClassifier.ClassifyHttpStatus(status),
                $"Neo4j at {Settings.DisplayUrl} answered HTTP {status} {response.ReasonPhrase}."),
        };
    }

    public Neo4jException ServerError(ServerError error)
    {
        var kind = Neo4jErrorClassifier.Classify(error.Code);
        var message = kind switch
        {
            Neo4jErrorKind.DatabaseNotFound =>
                $"Neo4j at {Settings.DisplayUrl} has no database '{Settings.Database}'. Create it or set Neo4j:Database to an existing one.",
            Neo4jErrorKind.Authentication =>
                $"Neo4j at {Settings.DisplayUrl} refused user '{Settings.User}': {error.Message} ({error.Code}). Check {Settings.CredentialKeys}.",
            _ => $"Neo4j refused the statement: {error.Message} ({error.Code}).",
        };
        return new Neo4jException(kind, message, error.Code);
    }

    public Neo4jVersion ParseSupportedVersion(string text)
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
            ? throw new Neo4jException(Neo4jErrorKind.UnsupportedVersion, $"{reason} (server at {Settings.DisplayUrl})")
            : version;
    }

    public Neo4jException NotNeo4j(string what, Exception? inner = null) =>
        new(Neo4jErrorKind.Protocol, $"The server at {Settings.DisplayUrl} does not look like Neo4j's HTTP API: {what}. Check Neo4j:Url.", innerException: inner);

    /// <summary>
    /// Discovery documents carry the server's own idea of its address, which behind a proxy or in a container is not
    /// the address we reach it by; keep only the path.
    /// </summary>
    public static Uri RelativeTo(string advertised) =>
        Uri.TryCreate(advertised, UriKind.Absolute, out var absolute)
            ? new Uri(absolute.PathAndQuery, UriKind.Relative)
            : new Uri(advertised, UriKind.Relative);

    /// <summary>Fills the <c>{databaseName}</c> of a discovery template with the configured database.</summary>
    public Uri ForDatabase(string template) =>
        RelativeTo(template.Replace("{databaseName}", Uri.EscapeDataString(Settings.Database), StringComparison.Ordinal));
}
