namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Runs a statement that handles at most <c>$limit</c> rows per transaction and returns how many in <c>cleaned</c>,
/// again and again until a chunk comes back short, so one large cleanup never becomes one huge transaction.
/// </summary>
internal static class ChunkedStatement
{
    public static async Task<long> RunUntilDoneAsync(
        ICypherRunner runner, string text, IReadOnlyDictionary<string, object?> parameters, int chunkSize, CancellationToken cancellationToken)
    {
        var statement = new CypherStatement(text, new Dictionary<string, object?>(parameters, StringComparer.Ordinal) { ["limit"] = chunkSize });
        long total = 0;
        long cleaned;
        do
        {
            var results = await runner.RunAsync([statement], cancellationToken).ConfigureAwait(false);
            cleaned = results[0].SingleLong("cleaned");
            total += cleaned;
        }
        while (cleaned == chunkSize);

        return total;
    }
}
