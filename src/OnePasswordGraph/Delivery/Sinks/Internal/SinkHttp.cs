using System.Globalization;
using System.Net;

namespace OnePasswordGraph.Delivery.Sinks.Internal;

/// <summary>
/// Sends one request of a sink and classifies the answer at the edge: 2xx accepted; 408, 429 and 5xx, timeouts and
/// connection failures transient (retried by the caller's policy, honouring <c>Retry-After</c>); any other answer a
/// configuration problem that retrying cannot fix. Messages name the configuration key and the host, never the
/// path or query, which may carry the receiver's secret.
/// </summary>
internal static class SinkHttp
{
    public static async Task SendAsync(HttpClient client, Func<HttpRequestMessage> request, string key, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var message = request();
        var host = message.RequestUri!.GetLeftPart(UriPartial.Authority);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new AlertSinkException($"{key}: {host} could not be reached ({ex.HttpRequestError}).", innerException: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlertSinkException($"{key}: {host} did not answer within {client.Timeout.TotalSeconds:0} s.", innerException: ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var answer = string.Create(CultureInfo.InvariantCulture, $"{key}: {host} answered {status} {response.ReasonPhrase}");
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500)
            {
                throw new AlertSinkException(answer + "; trying again.", RetryAfter(response, timeProvider.GetUtcNow()));
            }

            throw new AlertChannelRejectedException(answer + "; retrying will not help: check the URL, the receiver's configuration and its secret.");
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
}
