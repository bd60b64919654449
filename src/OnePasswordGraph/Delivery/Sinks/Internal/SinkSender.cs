using System.Net.Http.Headers;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Delivery.Sinks.Internal;

/// <summary>Posts a sink's JSON body through the sinks' named client and the retry policy, building each attempt's request anew.</summary>
internal sealed class SinkSender(IHttpClientFactory clients, TransientRetry retry, TimeProvider timeProvider, string key)
{
    public Task PostAsync(Uri url, byte[] body, Action<HttpRequestMessage>? sign, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(AlertSinkHttpClients.Name);
        return retry.ExecuteAsync(token => SinkHttp.SendAsync(client, () => Request(url, body, sign), key, timeProvider, token), cancellationToken);
    }

    private static HttpRequestMessage Request(Uri url, byte[] body, Action<HttpRequestMessage>? sign)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        sign?.Invoke(request);
        return request;
    }
}
