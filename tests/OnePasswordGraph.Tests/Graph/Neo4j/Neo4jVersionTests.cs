using OnePasswordGraph.Graph.Neo4j;

namespace OnePasswordGraph.Tests.Graph.Neo4j;

public sealed class Neo4jVersionTests
{
    [Theory]
    [InlineData("3.1.1", 3, 1, 1)]
    [InlineData("4.4.0", 4, 4, 0)]
    [InlineData("5.19.0", 5, 19, 0)]
    [InlineData("2025.01.0", 2025, 1, 0)]
    [InlineData("2026.03", 2026, 3, 0)]
    [InlineData("5.26.2-aura", 5, 26, 2)]
    [InlineData("5.27-aura", 5, 27, 0)]
    [InlineData("2025.10.1-aura", 2025, 10, 1)]
    [InlineData("4.4.30", 4, 4, 30)]
    public void Parse_KnownForms_ReadsNumbers(string text, int major, int minor, int patch) =>
        Assert.Equal(new Neo4jVersion(major, minor, patch), Neo4jVersion.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("five")]
    [InlineData("5")]
    [InlineData("5.x.1")]
    [InlineData("aura")]
    [InlineData("-aura")]
    [InlineData("5..27")]
    [InlineData("5.27.1.2")]
    public void Parse_NotAVersion_Throws(string text) => Assert.Throws<FormatException>(() => Neo4jVersion.Parse(text));

    [Fact]
    public void CompareTo_CalendarVersions_SortAfterFive() =>
        Assert.True(Neo4jVersion.Parse("2025.01.0") > Neo4jVersion.Parse("5.26.9"));

    [Theory]
    [InlineData("3.1.1", false)]
    [InlineData("3.5.35", false)]
    [InlineData("4.4.0", true)]
    [InlineData("5.0.0", true)]
    [InlineData("2025.06.0", true)]
    public void HasModernSchemaSyntax_ByVersion(string version, bool expected) =>
        Assert.Equal(expected, Neo4jVersion.Parse(version).HasModernSchemaSyntax);

    [Theory]
    [InlineData("3.0.12", "Neo4j 3.0.12 is not supported: OnePasswordGraph needs 3.1 or later (4.4, 5.x, 2025.x and Aura in production).")]
    [InlineData("4.2.3", "Neo4j 4.2.3 is not supported: 4.0 to 4.3 lack the schema statements OnePasswordGraph relies on; upgrade to 4.4 or later.")]
    public void UnsupportedReason_OldVersions_SaysWhatToDo(string version, string reason) =>
        Assert.Equal(reason, Neo4jVersion.Parse(version).UnsupportedReason);

    [Theory]
    [InlineData("3.1.1")]
    [InlineData("4.4.12")]
    [InlineData("5.26.0")]
    [InlineData("2025.10.1")]
    public void UnsupportedReason_SupportedVersions_IsNull(string version) => Assert.Null(Neo4jVersion.Parse(version).UnsupportedReason);
}
