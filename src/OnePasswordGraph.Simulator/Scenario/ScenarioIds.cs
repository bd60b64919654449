using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// Makes 26-character uuids in 1Password's forms. The stream is seeded from the scenario's seed, its purpose and the
/// part of the scenario it serves (inventory or activity), and is separate from the randomness that shapes the
/// content: two purposes with the same seed get the same kinds of people, items and activity, but never share an
/// identifier, so a demo and a simulator started with the same seed can live in one Neo4j without colliding.
/// </summary>
internal sealed class ScenarioIds
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Random _random;

    public ScenarioIds(int seed, string purpose, string stream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);

        // A cryptographic hash rather than string.GetHashCode, which differs between processes: the same seed and
        // purpose must give the same identifiers in every run.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{purpose}\n{stream}\n{seed}")));
        _random = new Random(BinaryPrimitives.ReadInt32LittleEndian(digest));
    }

    /// <summary>Users, accounts, events and sessions use upper-case base32.</summary>
    public string UpperUuid() => Make(Upper);

    /// <summary>Vaults, items, groups and devices use lower-case letters and digits.</summary>
    public string LowerUuid() => Make(Lower);

    private string Make(string alphabet) => string.Create(26, (alphabet, _random), (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.alphabet[state._random.Next(state.alphabet.Length)];
        }
    });
}
