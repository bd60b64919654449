using OnePasswordGraph.Rules.Internal;

namespace OnePasswordGraph.Tests.Rules.Internal;

public sealed class LookbackTests
{
    [Theory]
    [InlineData("30m", 30)]
    [InlineData("6h", 360)]
    [InlineData("2d", 2880)]
    [InlineData("0m", 0)]
    [InlineData("366d", 527040)]
    public void TryParse_Duration_GivesMinutes(string text, int minutes)
    {
        Assert.True(Lookback.TryParse(text, out var lookback));
        Assert.Equal(TimeSpan.FromMinutes(minutes), lookback);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1w")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    [InlineData("1H")]
    [InlineData(" 1h")]
    [InlineData("367d")]
    [InlineData("8785h")]
    public void TryParse_NotADuration_Fails(string text) => Assert.False(Lookback.TryParse(text, out _));

    [Theory]
    [InlineData(2880, "2d")]
    [InlineData(2160, "36h")]
    [InlineData(90, "90m")]
    [InlineData(0, "0m")]
    public void Format_Duration_UsesTheLargestExactUnit(int minutes, string text) => Assert.Equal(text, Lookback.Format(TimeSpan.FromMinutes(minutes)));
}
