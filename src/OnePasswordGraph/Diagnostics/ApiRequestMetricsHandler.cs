namespace OnePasswordGraph.Diagnostics;

/// <summary>Counts every HTTP request to a 1Password API by status code; a request that got no answer counts as status 0.</summary>
internal sealed class ApiRequestMetricsHandler(SyncMetrics metrics, string api) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.ApiRequest(api, (int)response.StatusCode);
            return response;
        }
        catch (HttpRequestException)
        {
            metrics.ApiRequest(api, 0);
            throw;
        }
    }
}
