namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>The shared state of one generation: the inventory, the seeded randomness, the time span, each user's vaults.</summary>
internal sealed class ActivityContext
{
    private readonly Dictionary<string, List<ScenarioItem>> _itemsByUser = new(StringComparer.Ordinal);

    public ActivityContext(ScenarioInventory inventory, Random random, DateTimeOffset start, DateTimeOffset end)
    {
        Inventory = inventory;
        Random = random;
        Ids = new ScenarioIds(random);
        Start = start;
        End = end;
        Admins = inventory.Users.Where(u => u.IsAdmin).DefaultIfEmpty(inventory.Users[0]).ToList();
        var byVault = inventory.Items.GroupBy(i => i.VaultId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var user in inventory.Users)
        {
            // Each person works in two to four vaults; that is where their usage goes.
            var vaults = inventory.Vaults.OrderBy(_ => random.Next()).Take(2 + random.Next(3)).Where(v => byVault.ContainsKey(v.Id));
            _itemsByUser[user.Uuid] = vaults.SelectMany(v => byVault[v.Id]).DefaultIfEmpty(inventory.Items[0]).ToList();
        }
    }

    public ScenarioInventory Inventory { get; }

    public Random Random { get; }

    public ScenarioIds Ids { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public IReadOnlyList<ScenarioUser> Admins { get; }

    public ScenarioItem ItemFor(ScenarioUser user)
    {
        var items = _itemsByUser[user.Uuid];
        return items[Random.Next(items.Count)];
    }

    public DateTimeOffset RandomTime() => Start + TimeSpan.FromMilliseconds(Random.NextDouble() * (End - Start).TotalMilliseconds);
}
