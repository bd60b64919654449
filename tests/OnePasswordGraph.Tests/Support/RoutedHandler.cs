using System.Net;
using System.Text;

namespace OnePasswordGraph.Tests.Support;

/// <summary>An <see cref="HttpMessageHandler"/> that answers by method and path, and remembers what it was sent.</summary>
internal sealed class RoutedHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    public List<(HttpRequestMessage Request, string? Body)> Received { get; } = [];

    public RoutedHandler On(HttpMethod method, string path, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _routes[$"{method} {path}"] = respond;
        return this;
    }

    public RoutedHandler OnJson(HttpMethod method, string path, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(method, path, _ => Json(json, status));

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string Fixture(string relativePath) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Received.Add((request, body));
        var response = _routes.TryGetValue($"{request.Method} {request.RequestUri!.AbsolutePath}", out var respond)
            ? respond(request)
            : new HttpResponseMessage(HttpStatusCode.NotFound);

        // As SocketsHttpHandler does: Refit reads the failed request's path from the response.
        response.RequestMessage ??= request;
        return response;
    }
}
