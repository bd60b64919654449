using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace OnePasswordGraph.Sources.Internal;

/// <summary>
/// The Refit settings of one 1Password token: source-generated JSON, the bearer token, and Refit's exception hooks
/// wired to the API's <see cref="IApiFailures"/>, so that every failure leaves the client already classified.
/// </summary>
internal static class RefitClientSettings
{
    // An error body ends up in a message at most; a broken proxy's megabytes of HTML must not be buffered for it.
    private const int MaxErrorBodyChars = 16 * 1024;

    public static RefitSettings For(JsonSerializerContext json, string token, IApiFailures failures) =>
        For(json, _ => ValueTask.FromResult(token), failures);

    /// <summary>Gets settings whose bearer comes from <paramref name="token"/> on each request (an OAuth access token that is renewed).</summary>
    public static RefitSettings For(JsonSerializerContext json, Func<CancellationToken, ValueTask<string>> token, IApiFailures failures)
    {
        var settings = RefitSettings.ForJsonContext(json);

        // Buffered bodies carry a Content-Length; some gateways refuse chunked POSTs.
        settings.Serialization.RequestBodySerialization = RequestBodySerializationMode.Buffered;

        // A leading slash replaces the base address's path, as HttpClient resolves it: BaseUrl names the host.
        settings.Url.UrlResolution = UrlResolutionMode.Rfc3986;
        settings.Requests.AuthorizationHeaderValueGetter = (_, cancellationToken) => token(cancellationToken);
        settings.Exceptions.MaxExceptionContentLength = MaxErrorBodyChars;
        settings.Exceptions.ExceptionFactory = response => RejectedAsync(response, settings, failures);
        settings.Exceptions.DeserializationExceptionFactory = (response, exception) => ValueTask.FromResult<Exception?>(exception switch
        {
            JsonException json => failures.Malformed(PathOf(response.RequestMessage?.RequestUri), json),
            HttpRequestException or IOException => failures.Unreachable(PathOf(response.RequestMessage?.RequestUri), exception),
            _ => exception,
        });
        settings.Exceptions.TransportExceptionFactory = (request, exception, cancellationToken) => exception switch
        {
            // The caller's cancellation propagates as it is; only a timeout of the client's own is a failure.
            _ when cancellationToken.IsCancellationRequested => exception,
            HttpRequestException => failures.Unreachable(PathOf(request.RequestUri), exception),
            OperationCanceledException => failures.TimedOut(PathOf(request.RequestUri), exception),
            _ => exception,
        };
        return settings;
    }

    /// <summary>Gets a request's path for messages: never its query (Connect filters name vaults and items) or userinfo.</summary>
    public static string PathOf(Uri? uri) => uri switch
    {
        null => "(unknown path)",
        { IsAbsoluteUri: true } => uri.AbsolutePath,
        _ => uri.OriginalString.Split('?', 2)[0],
    };

    private static async ValueTask<Exception?> RejectedAsync(HttpResponseMessage response, RefitSettings settings, IApiFailures failures)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var request = response.RequestMessage
            ?? throw new InvalidOperationException("The response carries no request; a custom HttpMessageHandler must set HttpResponseMessage.RequestMessage.");
        return failures.Rejected(await ApiException.Create(request, request.Method, response, settings).ConfigureAwait(false));
    }
}
