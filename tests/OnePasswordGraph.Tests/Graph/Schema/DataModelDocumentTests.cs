using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Graph.Schema;

public sealed class DataModelDocumentTests
{
    [Fact]
    public void Render_Declarations_EqualsDocsDataModel() =>
        Snapshot.Match(DataModelDocument.Render(GraphSchema.OnePassword), "docs/data-model.md");

    [Fact]
    public void Render_NamesEveryDeclaredTypeAndProperty()
    {
        var text = DataModelDocument.Render(GraphSchema.OnePassword);

        Assert.All(GraphSchema.OnePassword.NodeTypes, n => Assert.Contains($"`{n.Type}`", text, StringComparison.Ordinal));
        Assert.All(GraphSchema.OnePassword.RelationshipTypes, r => Assert.Contains($"`{r.Type}`", text, StringComparison.Ordinal));
        Assert.All(GraphSchema.OnePassword.NodeTypes.SelectMany(n => n.Properties), p => Assert.Contains($"`{p.Name}`", text, StringComparison.Ordinal));
    }
}
