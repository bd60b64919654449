using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using OnePasswordGraph.Sources.Events.Internal.Protocol;
using OnePasswordGraph.Sources.Internal;
using Refit;

namespace OnePasswordGraph.Sources.Events.Internal;

/// <summary>
/// Classifies failed Events API calls and writes their messages: each names the likely cause and what to change. They
/// are built from the base URL, the token's claims and introspection, never from the token itself.
/// </summary>
internal sealed class EventsApiErrors(Uri baseUrl, TimeSpan timeout, EventsTokenClaims? claims, TimeProvider timeProvider) : IApiFailures
{
    private EventsIntrospection? _introspection;

    private string Host => baseUrl.Host;

    /// <summary>Keeps what introspection said, so that a later 401 or 403 can name the feature the token lacks.</summary>
    public EventsIntrospection Remember(EventsIntrospection introspection)
    {
        _introspection = introspection;
        return introspection;
    }

    public Exception Rejected(ApiException response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var serverText = response.TryGetContentAs<ErrorBody>(out var body) ? body?.Text : null;
        var path = RefitClientSettings.PathOf(response.Uri);
        var stream = Enum.GetValues<EventStreamKind>().Where(s => path.EndsWith("/" + s.Feature(), StringComparison.Ordinal)).Cast<EventStreamKind?>().FirstOrDefault();
        return FromStatus((int)response.StatusCode, serverText, path, stream, EventsApiErrorClassifier.RetryAfter(response.Headers, timeProvider.GetUtcNow()));
    }

    private EventsApiException FromStatus(int status, string? serverText, string path, EventStreamKind? stream, TimeSpan? retryAfter)
    {
        var said = serverText is null ? string.Empty : $": {serverText}";
        var message = status switch
        {
            400 => $"The Events API at {Host} refused the request to {path} (HTTP 400{said}). A stored cursor may be invalid or expired, the page size may be outside 1 to 1000, or a time may not be RFC 3339.",
            401 or 403 when stream is { } s && MissingFeature(s) is { } missing => missing,
            401 or 403 => $"The Events API at {Host} rejected the token (HTTP {status}{said}). {TokenHint()}",
            404 => $"The Events API at {Host} has no {path} (HTTP 404). Check OnePassword:Events:BaseUrl: it must be the regional host ({string.Join(", ", EventsApiRegions.Hosts)}) without a path.",
            429 => $"The Events API at {Host} is rate limiting the token (HTTP 429{said}); retrying{(retryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $" after {wait.TotalSeconds:0} s") : string.Empty)}.",
            _ => $"The Events API at {Host} answered HTTP {status} to {path}{said}.",
        };
        return new EventsApiException(message, status, EventsApiErrorClassifier.IsTransient(status), retryAfter);
    }

    // A name that does not resolve is a setting to fix (a typo, the wrong region), not a blip to retry for minutes. The
    // same holds for a host that does not answer introspection, the first call of every run: the worker tries again
    // at its next interval anyway, and a newcomer hears within seconds which setting to check.
    public Exception Unreachable(string path, Exception inner)
    {
        if (DoesNotResolve(inner))
        {
            return new EventsApiException(
                $"The Events API host {Host} does not resolve ({inner.Message}). {CheckBaseUrl}", null, isTransient: false, innerException: inner);
        }

        var firstCall = IsIntrospection(path);
        return new EventsApiException(
            $"The Events API at {Host} could not be reached for {path}: {inner.Message}{(firstCall ? ". " + CheckBaseUrl : string.Empty)}", null, isTransient: !firstCall, innerException: inner);
    }

    public Exception TimedOut(string path, Exception inner)
    {
        var firstCall = IsIntrospection(path);
        return new EventsApiException(
            string.Create(CultureInfo.InvariantCulture, $"The Events API at {Host} did not answer {path} within {timeout.TotalSeconds:0} s.{(firstCall ? " " + CheckBaseUrl : string.Empty)}"),
            null,
            isTransient: !firstCall,
            innerException: inner);
    }

    private static string CheckBaseUrl =>
        $"Check OnePassword__Events__BaseUrl for a typo or the wrong region (the Events API hosts are {string.Join(", ", EventsApiRegions.Hosts)}), and run `onepassword-graph doctor`.";

    private static bool IsIntrospection(string path) => path.EndsWith("/introspect", StringComparison.Ordinal);

    private static bool DoesNotResolve(Exception inner) =>
        inner is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }
        || inner.InnerException is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain };

    public Exception Malformed(string path, JsonException inner) => Malformed(path, inner.Message, inner);

    public EventsApiException Malformed(string path, string what, Exception? inner = null) =>
        new($"The Events API at {Host} answered {path} with a body that is not an Events API response: {what}.", null, isTransient: false, innerException: inner);

    private string? MissingFeature(EventStreamKind stream)
    {
        var features = _introspection?.Features ?? (claims?.Features.Count > 0 ? claims.Features : null);
        return features is null || features.Contains(stream.Feature(), StringComparer.Ordinal)
            ? null
            : $"The Events token lacks the '{stream.Feature()}' feature (it has: {(features.Count == 0 ? "none" : string.Join(", ", features))}). "
                + $"Issue a token with {stream.ConsoleName()} enabled in the Events Reporting integration, or leave this stream out.";
    }

    private string TokenHint()
    {
        if (claims?.EventsHost is { } issuedFor && !string.Equals(issuedFor, Host, StringComparison.OrdinalIgnoreCase))
        {
            return $"The token was issued for {issuedFor}, but OnePassword:Events:BaseUrl points at {Host}: use https://{issuedFor}.";
        }

        return $"It may be revoked or expired, or issued for another region: each of {string.Join(", ", EventsApiRegions.Hosts)} accepts only its own accounts' tokens. Check OnePassword:Events:BaseUrl and the token.";
    }
}
