using System.Buffers;
using System.Net.Http.Headers;
using Microsoft.IO;

namespace OnePasswordGraph.Graph.Neo4j.Internal;

/// <summary>
/// JSON request bodies written into pooled blocks. A page's write is a body of 1 to 2 MB: grown in one array it left
/// several megabytes on the large object heap per page and a full garbage collection behind almost every page. The
/// body still goes out with a Content-Length (some proxies in front of Neo4j refuse chunked bodies), and its blocks
/// return to the pool when the request is disposed.
/// </summary>
internal sealed class PooledRequestBodies
{
    private readonly RecyclableMemoryStreamManager _streams = new(new RecyclableMemoryStreamManager.Options
    {
        // What the pool keeps between requests: about two page bodies, so a burst of large bodies is not held for good
        // (the sync's peak memory has a 250 MiB budget).
        MaximumSmallPoolFreeBytes = 4 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 4 * 1024 * 1024,
    });

    /// <summary>Returns content that owns the body <paramref name="write"/> wrote; disposing the content returns its blocks.</summary>
    public HttpContent Create(Action<IBufferWriter<byte>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var body = _streams.GetStream("neo4j-request");
        try
        {
            write(body);
            body.Position = 0;
            var content = new StreamContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
            return content;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }
}
