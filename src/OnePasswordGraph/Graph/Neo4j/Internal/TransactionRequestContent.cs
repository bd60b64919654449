using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OnePasswordGraph.Graph.Neo4j.Internal;

/// <summary>
/// A transaction request body serialised as the request is sent, straight into the connection: a page's parameters
/// are not copied into a byte array first.
/// </summary>
internal sealed class TransactionRequestContent : HttpContent
{
    private readonly IReadOnlyList<CypherStatement> _statements;

    public TransactionRequestContent(IReadOnlyList<CypherStatement> statements)
    {
        _statements = statements;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(stream);
        await using (writer.ConfigureAwait(false))
        {
            TransactionRequestWriter.Write(writer, _statements);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
