using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Tests.Diagnostics;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(460_502, "5 days")]
    [InlineData(172_799, "47 hours")]
    [InlineData(3_600, "1 hour")]
    [InlineData(119, "1 minute")]
    [InlineData(59, "59 seconds")]
    [InlineData(1, "1 second")]
    [InlineData(-3, "0 seconds")]
    public void Describe_UsesTheLargestWholeUnit(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Describe(TimeSpan.FromSeconds(seconds)));
}
