using System.Text.Json;
using Refit;

namespace OnePasswordGraph.Sources.Internal;

/// <summary>
/// How one 1Password API words what went wrong, as its own exception: each method is a pure function of what Refit
/// hands over, and each message names the likely cause and what to change. Paths come without query or userinfo.
/// </summary>
internal interface IApiFailures
{
    /// <summary>The server answered with an error status; <paramref name="response"/> holds the status, headers and (capped) body.</summary>
    Exception Rejected(ApiException response);

    /// <summary>No answer came: the connection failed, or broke while the body streamed.</summary>
    Exception Unreachable(string path, Exception inner);

    /// <summary>No answer came within the client's timeout.</summary>
    Exception TimedOut(string path, Exception inner);

    /// <summary>The body of a successful answer is not this API's JSON.</summary>
    Exception Malformed(string path, JsonException inner);
}
