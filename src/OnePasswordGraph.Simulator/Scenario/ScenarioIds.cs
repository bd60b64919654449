namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>Makes 26-character uuids in 1Password's forms from a seeded random source.</summary>
internal sealed class ScenarioIds(Random random)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Users, accounts, events and sessions use upper-case base32.</summary>
    public string UpperUuid() => Make(Upper);

    /// <summary>Vaults, items and devices use lower-case letters and digits.</summary>
    public string LowerUuid() => Make(Lower);

    private string Make(string alphabet) => string.Create(26, (alphabet, random), (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
        }
    });
}
