using System.Text.Json;
using OnePasswordGraph.Sources.Connect.Internal.Protocol;

namespace OnePasswordGraph.Tests.Sources.Connect;

public sealed class ConnectItemDetailsTests
{
    [Fact]
    public void Deserialize_FullItemWithSecrets_KeepsMetadataAndNoSecretAtAll()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Connect", "full-item.json"));

        var details = JsonSerializer.Deserialize(json, ConnectJsonContext.Default.ConnectItemDetails)!;
        var roundTrip = JsonSerializer.Serialize(details, ConnectJsonContext.Default.ConnectItemDetails);

        Assert.Equal(["Related Items", "Extra"], details.Sections!.Select(s => s.Label));
        Assert.Equal(["username", "password", "one-time password"], details.Fields!.Select(f => f.Label));
        Assert.Equal(("deploy_key.pem", 3243L), (details.Files![0].Name!, details.Files[0].Size!.Value));
        Assert.DoesNotContain("CANARY", roundTrip, StringComparison.Ordinal);
        Assert.DoesNotContain("130.07", roundTrip, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ItemSummary_ReadsEveryDocumentedMember()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Connect", "full-item.json"));

        var summary = JsonSerializer.Deserialize(json, ConnectJsonContext.Default.ConnectItem)!;

        Assert.Equal(
            ("Deploy bot login", "hfnjvi6aymbsnfc2xeeoheizda", "LOGIN", 4L, "ARCHIVED", "DOIHOHSV2NHK5HMSOLCWJUXFDM"),
            (summary.Title, summary.Vault!.Id, summary.Category, summary.Version, summary.State, summary.LastEditedBy));
        Assert.Equal(["ci"], summary.Tags!);
        Assert.True(summary.Urls![0].Primary);
    }
}
