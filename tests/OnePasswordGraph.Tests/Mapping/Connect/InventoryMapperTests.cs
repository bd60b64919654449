using System.Text.Json;
using OnePasswordGraph.Mapping.Connect;
using OnePasswordGraph.Sources.Connect.Internal.Protocol;
using OnePasswordGraph.Sources.Connect.Records;

namespace OnePasswordGraph.Tests.Mapping.Connect;

public sealed class InventoryMapperTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Vaults_MapsEveryMemberAndLinksTheAccount()
    {
        var vault = new ConnectVault
        {
            Id = "V1", Name = "Production", Description = "prod secrets", AttributeVersion = 2, ContentVersion = 40, Items = 12, Type = "USER_CREATED",
            CreatedAt = Created, UpdatedAt = Created.AddDays(1),
        };

        var changes = InventoryMapper.Vaults("acme", [vault]);

        var node = Assert.Single(changes.Entities);
        Assert.Equal(("one_password_vault", "V1"), (node.Type.Type, node.Key));
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["vaultUUID"] = "V1", ["name"] = "Production", ["displayName"] = "Production", ["description"] = "prod secrets", ["type"] = "USER_CREATED",
                ["attributeVersion"] = 2L, ["contentVersion"] = 40L, ["itemsCount"] = 12L,
                ["createdOn"] = Created.ToUnixTimeMilliseconds(), ["updatedOn"] = Created.AddDays(1).ToUnixTimeMilliseconds(),
            },
            node.Properties);
        var edge = Assert.Single(changes.Relationships);
        Assert.Equal(("acme", "HAS", "V1"), (edge.FromKey, edge.Type.Label, edge.ToKey));
    }

    [Fact]
    public void Items_WithoutDetails_MapsMetadataCleansUrlsAndLeavesDetailPropertiesUnset()
    {
        var item = Item(version: 3);

        var changes = InventoryMapper.Items("V1", [item], vaultName: "Production");

        var properties = Assert.Single(changes.Entities).Properties;
        Assert.Equal("S1", properties["itemUUID"]);
        Assert.Equal(("V2", "V2", "Production"), (properties["vaultUUID"], properties["vaultId"], properties["vaultName"]));
        Assert.Equal(("Deploy", "Deploy", "LOGIN"), (properties["name"], properties["displayName"], properties["category"]));
        Assert.Equal(["ci", "prod"], (IEnumerable<string>)properties["tags"]!);
        Assert.Equal((true, 3L, "ARCHIVED", "U9"), (properties["favorite"], properties["version"], properties["state"], properties["lastEditedBy"]));
        Assert.Equal(["https://ci.example.com/login", "https://backup.example.com/"], (IEnumerable<string>)properties["urls"]!);
        Assert.Equal("https://backup.example.com/", properties["primaryUrl"]);
        Assert.Null(properties["sectionLabels"]);
        Assert.Null(properties["detailsVersion"]);
        Assert.Null(properties["detailsReadOn"]);
        var edge = Assert.Single(changes.Relationships);
        Assert.Equal(("V1", "S1"), (edge.FromKey, edge.ToKey));
    }

    [Fact]
    public void Items_WithDetails_RecordsLabelsFileNamesAndWhichVersionWasReadWhen()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Connect", "full-item.json"));
        var details = JsonSerializer.Deserialize(json, ConnectJsonContext.Default.ConnectItemDetails)!;
        var readOn = Created.AddDays(9);

        var changes = InventoryMapper.Items("V1", [Item(version: 5)], new Dictionary<string, ItemDetailsRead> { ["S1"] = new(details, 5, readOn) });

        var properties = Assert.Single(changes.Entities).Properties;
        Assert.Equal(["Related Items", "Extra"], (IEnumerable<string>)properties["sectionLabels"]!);
        Assert.Equal(["deploy_key.pem"], (IEnumerable<string>)properties["fileNames"]!);
        Assert.Equal((5L, readOn.ToUnixTimeMilliseconds()), (properties["detailsVersion"], properties["detailsReadOn"]));
    }

    private static ConnectItem Item(long version) => new()
    {
        Id = "S1",
        Title = "Deploy",
        Vault = new ConnectReference { Id = "V2" },
        Category = "LOGIN",
        Tags = ["ci", "prod"],
        Favorite = true,
        Version = version,
        State = "ARCHIVED",
        LastEditedBy = "U9",
        Urls =
        [
            new ConnectUrl { Href = "https://deploy:s3cret@ci.example.com/login?token=abc" },
            new ConnectUrl { Href = "https://backup.example.com", Primary = true },
            new ConnectUrl { Href = "https://ci.example.com/login#again" },
        ],
    };
}
