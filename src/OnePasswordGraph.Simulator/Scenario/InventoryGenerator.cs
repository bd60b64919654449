using System.Globalization;
using System.Text;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// Generates an account's people, vaults and items from a seed: the same seed and purpose give the same inventory;
/// another purpose gives the same content under other uuids (see <see cref="ScenarioPurpose"/>). Every secret (field
/// values, one-time codes, file contents) is an unmistakable canary, so tests can prove none leaks.
/// </summary>
public static class InventoryGenerator
{
    public static ScenarioInventory Generate(
        int seed, int users = 40, int vaults = 12, int itemsPerVault = 25, DateTimeOffset? now = null, string purpose = ScenarioPurpose.Test)
    {
        var random = new Random(seed);
        var ids = new ScenarioIds(seed, purpose, "inventory");
        var end = now ?? new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var accountUuid = ids.UpperUuid();
        var people = Enumerable.Range(0, users).Select(i => User(random, ids, i)).ToList();
        var vaultList = Enumerable.Range(0, vaults).Select(i => Vault(random, ids, i, end)).ToList();
        var items = new List<ScenarioItem>();
        var canary = 0;
        foreach (var vault in vaultList)
        {
            for (var i = 0; i < itemsPerVault; i++)
            {
                items.Add(Item(random, ids, vault, people[random.Next(people.Count)], seed, ref canary, end));
            }
        }

        // One item carries a tag no other item has, so that a sensitive-item watch-list can name exactly one item
        // (the scenario plants a use of it; see ScenarioActivity.RuleParameters).
        if (items.Count > 0)
        {
            items[0] = items[0] with { Tags = [.. items[0].Tags, ScenarioCatalog.CrownJewelTag] };
        }

        vaultList = vaultList.Select(v => v with { ContentVersion = items.Count(i => i.VaultId == v.Id) + 3 }).ToList();
        return new ScenarioInventory(accountUuid, people, vaultList, items);
    }

    private static ScenarioUser User(Random random, ScenarioIds ids, int index)
    {
        var first = ScenarioCatalog.FirstNames[index % ScenarioCatalog.FirstNames.Length];
        var last = ScenarioCatalog.LastNames[(index / ScenarioCatalog.FirstNames.Length + index) % ScenarioCatalog.LastNames.Length];
        var suffix = index < ScenarioCatalog.FirstNames.Length ? string.Empty : index.ToString(CultureInfo.InvariantCulture);
        // People share a home city but not an address: each connects from an IP of their own, as from a home or a
        // phone, so that one address failing for many people stands out as spraying rather than an office NAT.
        var city = ScenarioCatalog.HomePlaces[random.Next(ScenarioCatalog.HomePlaces.Length)];
        var home = city with { IpAddress = string.Concat(city.IpAddress.AsSpan(0, city.IpAddress.LastIndexOf('.') + 1), (1 + (index % 150)).ToString(CultureInfo.InvariantCulture)) };
        var clients = ScenarioCatalog.Clients.OrderBy(_ => random.Next()).Take(2 + random.Next(2)).ToList();
        return new ScenarioUser(ids.UpperUuid(), $"{first} {last}", $"{first}.{last}{suffix}@example.com".ToLowerInvariant(), index < 3, home, clients);
    }

    private static ScenarioVault Vault(Random random, ScenarioIds ids, int index, DateTimeOffset end)
    {
        var name = ScenarioCatalog.VaultNames[index % ScenarioCatalog.VaultNames.Length] + (index < ScenarioCatalog.VaultNames.Length ? string.Empty : $" {index}");
        var type = index switch { 0 => "EVERYONE", 1 => "TRANSFER", _ when index % 7 == 6 => "PERSONAL", _ => "USER_CREATED" };
        var created = end.AddDays(-400 + random.Next(200));
        return new ScenarioVault(ids.LowerUuid(), name, $"Shared secrets of {name}", type, 1 + random.Next(4), 0, created, end.AddDays(-random.Next(60)));
    }

    private static ScenarioItem Item(Random random, ScenarioIds ids, ScenarioVault vault, ScenarioUser editor, int seed, ref int canary, DateTimeOffset end)
    {
        var id = ids.LowerUuid();
        var title = ScenarioCatalog.ItemWords[random.Next(ScenarioCatalog.ItemWords.Length)];
        var category = ScenarioCatalog.Categories[random.Next(ScenarioCatalog.Categories.Length)];
        var tags = ScenarioCatalog.Tags.OrderBy(_ => random.Next()).Take(random.Next(3)).ToList();
        var host = title.ToLowerInvariant().Replace(' ', '-') + ".internal.example.com";
        var urls = random.Next(4) == 0
            ? new List<ScenarioUrl> { new($"https://deploy:{Canary(seed, ref canary, random)}@{host}/login?token={Canary(seed, ref canary, random)}#top", "console", true) }
            : [new($"https://{host}", null, true)];
        var section = new ScenarioSection("Section_" + Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())), "Extra");
        var fields = new List<ScenarioField>
        {
            new("username", null, "STRING", "USERNAME", "username", Canary(seed, ref canary, random), null, null),
            new("password", null, "CONCEALED", "PASSWORD", "password", Canary(seed, ref canary, random), null, 90 + random.NextDouble() * 40),
        };
        if (random.Next(3) == 0)
        {
            fields.Add(new("TOTP_" + ids.LowerUuid(), section.Id, "OTP", string.Empty, "one-time password", $"otpauth://totp/x?secret={Canary(seed, ref canary, random)}", Canary(seed, ref canary, random), null));
        }

        var files = random.Next(5) == 0
            ? new List<ScenarioFile> { new(ids.LowerUuid(), "deploy_key.pem", section.Id, Encoding.UTF8.GetBytes(Canary(seed, ref canary, random))) }
            : [];
        var created = vault.CreatedAt.AddDays(random.Next(100));
        return new ScenarioItem(
            id, vault.Id, title, category, urls, tags, random.Next(10) == 0, 1 + random.Next(30), random.Next(25) == 0 ? "ARCHIVED" : null,
            created, end.AddDays(-random.Next(90)), editor.Uuid, [section], fields, files);
    }

    private static string Canary(int seed, ref int counter, Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"CANARY-{seed}-{counter++}-{random.Next(100_000, 999_999)}");
}
