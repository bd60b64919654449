namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// The shared state of one generation: the inventory, the seeded randomness, the time span, each user's vaults, and
/// the constraints the planted anomalies put on the benign activity (people who must stay quiet for a while, vaults a
/// person no longer works in, people whose access only the planter changes), so that benign events never blur a
/// planted pattern nor form a high-severity one of their own.
/// </summary>
internal sealed class ActivityContext
{
    private const int BenignGroups = 6;

    private readonly Dictionary<string, List<ScenarioItem>> _itemsByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _vaultsByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset From, DateTimeOffset To)>> _quiet = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reserved = new(StringComparer.Ordinal);
    private readonly List<string> _groups;

    public ActivityContext(ScenarioInventory inventory, Random random, ScenarioIds ids, DateTimeOffset start, DateTimeOffset end)
    {
        Inventory = inventory;
        Random = random;
        Ids = ids;
        Start = start;
        End = end;
        Admins = inventory.Users.Where(u => u.IsAdmin).DefaultIfEmpty(inventory.Users[0]).ToList();

        // The watch-listed vault and group of the privileged-change rules: benign audit events never touch them, so
        // a consumer who lists them sees only the planted changes.
        PrivilegedVault = inventory.Vaults.FirstOrDefault(v => v.Name == "Break Glass") ?? inventory.Vaults[^1];
        PrivilegedGroup = ids.LowerUuid();
        _groups = Enumerable.Range(0, BenignGroups).Select(_ => ids.LowerUuid()).ToList();

        // The crown-jewel item is used only where the planter says so, so a sensitive-tag watch-list finds just that.
        var byVault = inventory.Items
            .Where(i => !i.Tags.Contains(ScenarioCatalog.CrownJewelTag))
            .GroupBy(i => i.VaultId)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var user in inventory.Users)
        {
            // Each person works in two to four vaults; that is where their usage goes.
            var vaults = inventory.Vaults.OrderBy(_ => random.Next()).Take(2 + random.Next(3)).Where(v => byVault.ContainsKey(v.Id)).Select(v => v.Id).ToList();
            _vaultsByUser[user.Uuid] = vaults;
            _itemsByUser[user.Uuid] = vaults.SelectMany(v => byVault[v]).DefaultIfEmpty(inventory.Items[0]).ToList();
        }
    }

    public ScenarioInventory Inventory { get; }

    public Random Random { get; }

    public ScenarioIds Ids { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public IReadOnlyList<ScenarioUser> Admins { get; }

    /// <summary>Gets the vault a privileged-vault watch-list names.</summary>
    public ScenarioVault PrivilegedVault { get; }

    /// <summary>Gets the uuid of the group a privileged-group watch-list names.</summary>
    public string PrivilegedGroup { get; }

    /// <summary>Gets the groups benign membership changes use (never <see cref="PrivilegedGroup"/>).</summary>
    public IReadOnlyList<string> Groups => _groups;

    /// <summary>Gets the vaults <paramref name="user"/> works in.</summary>
    public IReadOnlyList<string> VaultsOf(ScenarioUser user) => _vaultsByUser[user.Uuid];

    /// <summary>Gets the items of the vaults <paramref name="user"/> works in.</summary>
    public IReadOnlyList<ScenarioItem> ItemsOf(ScenarioUser user) => _itemsByUser[user.Uuid];

    public ScenarioItem ItemFor(ScenarioUser user)
    {
        var items = _itemsByUser[user.Uuid];
        return items[Random.Next(items.Count)];
    }

    public DateTimeOffset RandomTime() => RandomTime(Start, End);

    public DateTimeOffset RandomTime(DateTimeOffset from, DateTimeOffset to) => from + TimeSpan.FromMilliseconds(Random.NextDouble() * (to - from).TotalMilliseconds);

    /// <summary>No benign event involves <paramref name="user"/> from <paramref name="from"/> until before <paramref name="to"/>.</summary>
    public void Quiet(ScenarioUser user, DateTimeOffset from, DateTimeOffset to)
    {
        if (!_quiet.TryGetValue(user.Uuid, out var windows))
        {
            _quiet[user.Uuid] = windows = [];
        }

        windows.Add((from, to));
    }

    public bool IsQuiet(ScenarioUser user, DateTimeOffset at) =>
        _quiet.TryGetValue(user.Uuid, out var windows) && windows.Exists(w => at >= w.From && at < w.To);

    /// <summary>Benign audit events never change <paramref name="user"/>'s access or memberships: only the planter does.</summary>
    public void Reserve(ScenarioUser user) => _reserved.Add(user.Uuid);

    public bool IsReserved(ScenarioUser user) => _reserved.Contains(user.Uuid);

    /// <summary><paramref name="user"/> no longer works in <paramref name="vaultId"/>: benign usage leaves it out.</summary>
    public void StopWorkingIn(ScenarioUser user, string vaultId)
    {
        var left = _itemsByUser[user.Uuid].Where(i => i.VaultId != vaultId).ToList();
        if (left.Count == 0)
        {
            left = Inventory.Items.Where(i => i.VaultId != vaultId && !i.Tags.Contains(ScenarioCatalog.CrownJewelTag)).Take(1).ToList();
        }

        _itemsByUser[user.Uuid] = left;
        _vaultsByUser[user.Uuid] = _vaultsByUser[user.Uuid].Where(v => v != vaultId).ToList();
    }

    /// <summary>A random person who may appear in a benign event at <paramref name="at"/>.</summary>
    public ScenarioUser BenignUser(DateTimeOffset at)
    {
        var users = Inventory.Users;

        // The planter keeps most people free at any time (it plants only in inventories large enough), so a few draws
        // find one; the scan is the bound.
        for (var draw = 0; draw < 64; draw++)
        {
            var user = users[Random.Next(users.Count)];
            if (!IsQuiet(user, at))
            {
                return user;
            }
        }

        return users.FirstOrDefault(u => !IsQuiet(u, at)) ?? users[0];
    }

    /// <summary>A random person a benign audit event may act on: never the actor (that would be self-granted access).</summary>
    public ScenarioUser? BenignSubject(ScenarioUser actor, DateTimeOffset at)
    {
        var candidates = Inventory.Users.Where(u => u.Uuid != actor.Uuid && !IsReserved(u) && !IsQuiet(u, at)).ToList();
        return candidates.Count == 0 ? null : candidates[Random.Next(candidates.Count)];
    }
}
