using System.Globalization;
using System.Text.Json;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Internal;
using OnePasswordGraph.Sources.Users.Internal.Protocol;
using Refit;

namespace OnePasswordGraph.Sources.Users.Internal;

/// <summary>
/// Classifies failed Users API calls and words them for the operator with what the API said. Messages name host and
/// path only: never the client secret, an access token, or a query.
/// </summary>
internal sealed class UsersApiErrors(Uri baseUrl, TimeSpan timeout, TimeProvider timeProvider) : IApiFailures
{
    /// <summary>The error code of the documented refusals (externally managed admin, last owner).</summary>
    public const string FailedPrecondition = "FailedPrecondition";

    // gRPC's number for FAILED_PRECONDITION, for a body that sends codes as numbers.
    private const int FailedPreconditionNumber = 9;

    private string Host => baseUrl.Host;

    public Exception Rejected(ApiException response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var path = RefitClientSettings.PathOf(response.Uri);
        response.TryGetContentAs<UsersError>(out var body);
        var code = CodeOf(body);
        var said = (body?.Message ?? body?.ErrorDescription ?? body?.Error) is { Length: > 0 } text ? $": {text}" : string.Empty;
        var isToken = path.StartsWith("/v1beta1/users/oauth2/", StringComparison.Ordinal);
        var message = status switch
        {
            401 when isToken => $"The Users API at {Host} rejected the OAuth client (HTTP 401{said}). Check OnePassword:Users:ClientId and ClientSecret (or ClientSecretFile): the secret is shown once when the OAuth application is created.",
            401 => $"The Users API at {Host} rejected a fresh access token for {path} (HTTP 401{said}). The OAuth application may have been removed; check OnePassword:Users:ClientId.",
            403 => $"The Users API at {Host} refused {path} (HTTP 403{said}). Give the OAuth application the scope it needs (list users, get user, suspend users, reactivate users), and check OnePassword:Users:AccountId.",
            404 => $"The Users API at {Host} has no {path} (HTTP 404{said}): the user is unknown, OnePassword:Users:AccountId names another account, or OnePassword:Users:BaseUrl is not https://api.1password.com (.ca, .eu).",
            429 => $"The Users API at {Host} is rate limiting the OAuth client (HTTP 429{said}).",
            _ => $"The Users API at {Host} answered HTTP {status} to {path}{said}.",
        };
        return new UsersApiException(message, status, code, EventsApiErrorClassifier.IsTransient(status), EventsApiErrorClassifier.RetryAfter(response.Headers, timeProvider.GetUtcNow()));
    }

    public Exception Unreachable(string path, Exception inner) =>
        new UsersApiException($"The Users API at {Host} could not be reached for {path}: {inner.Message}", null, null, isTransient: true, innerException: inner);

    public Exception TimedOut(string path, Exception inner) =>
        new UsersApiException(string.Create(CultureInfo.InvariantCulture, $"The Users API at {Host} did not answer {path} within {timeout.TotalSeconds:0} s."), null, null, isTransient: true, innerException: inner);

    public Exception Malformed(string path, JsonException inner) => Malformed(path, inner.Message, inner);

    public UsersApiException Malformed(string path, string what, Exception? inner = null) =>
        new($"The Users API at {Host} answered {path} with a body that is not a Users API response: {what}. Check OnePassword:Users:BaseUrl.", null, null, isTransient: false, innerException: inner);

    /// <summary>Tells whether a suspend or reactivate failure is one of the documented refusals, which retrying cannot change.</summary>
    public static bool IsRefusal(UsersApiException failure) =>
        failure.StatusCode is 400 or 409 && string.Equals(failure.ErrorCode, FailedPrecondition, StringComparison.Ordinal);

    private static string? CodeOf(UsersError? body) => body?.Code switch
    {
        { ValueKind: JsonValueKind.String } code => code.GetString(),
        { ValueKind: JsonValueKind.Number } code when code.TryGetInt32(out var number) => number == FailedPreconditionNumber ? FailedPrecondition : number.ToString(CultureInfo.InvariantCulture),
        _ => body?.Error,
    };
}
