using System.Globalization;
using System.Text.Json;
using OnePasswordGraph.Sources.Connect.Internal.Protocol;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Internal;
using Refit;

namespace OnePasswordGraph.Sources.Connect.Internal;

/// <summary>
/// Classifies failed Connect calls and writes their messages: each names the likely cause and what to change. They name
/// the server by scheme, host and path (never userinfo) and never hold the token.
/// </summary>
internal sealed class ConnectApiErrors(Uri baseUrl, TimeSpan timeout, TimeProvider timeProvider) : IApiFailures
{
    private string Server => baseUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public Exception Rejected(ApiException response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var said = response.TryGetContentAs<ConnectError>(out var error) && error?.Message is { } message ? $": {message}" : string.Empty;
        var path = RefitClientSettings.PathOf(response.Uri);
        var text = status switch
        {
            401 => $"The Connect server at {Server} rejected the token (HTTP 401{said}). It is invalid, expired or for another Connect server; check OnePassword:Connect:Token.",
            403 => $"The Connect token may not read {path} (HTTP 403{said}): grant the vault to the Connect server in 1Password (Developer, Connect servers), or accept that it stays out of the inventory.",
            404 => $"The Connect server at {Server} has no {path} (HTTP 404{said}): the vault or item is gone, or OnePassword:Connect:BaseUrl is not a Connect server.",
            _ => $"The Connect server at {Server} answered HTTP {status} to {path}{said}.",
        };
        return new ConnectApiException(text, status, EventsApiErrorClassifier.IsTransient(status), EventsApiErrorClassifier.RetryAfter(response.Headers, timeProvider.GetUtcNow()));
    }

    public Exception Unreachable(string path, Exception inner) =>
        new ConnectApiException($"The Connect server is unreachable at {Server}: {inner.Message} Check OnePassword:Connect:BaseUrl and that the server runs.", null, isTransient: true, innerException: inner);

    public Exception TimedOut(string path, Exception inner) =>
        new ConnectApiException(string.Create(CultureInfo.InvariantCulture, $"The Connect server at {Server} did not answer {path} within {timeout.TotalSeconds:0} s."), null, isTransient: true, innerException: inner);

    public Exception Malformed(string path, JsonException inner) =>
        new ConnectApiException($"The server at {Server} answered {path} with something that is not Connect's API: {inner.Message} Check OnePassword:Connect:BaseUrl.", null, isTransient: false, innerException: inner);

    public ConnectApiException EmptyBody() =>
        new($"The Connect server at {Server} answered with an empty body where Connect sends JSON. Check OnePassword:Connect:BaseUrl.", null, isTransient: false);
}
