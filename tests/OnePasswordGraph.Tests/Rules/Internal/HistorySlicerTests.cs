using OnePasswordGraph.Rules.Internal;

namespace OnePasswordGraph.Tests.Rules.Internal;

public sealed class HistorySlicerTests
{
    private const long Hour0 = 490_000;
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds((Hour0 + 100) * 3_600_000);

    private static DateTimeOffset Start(long hour) => DateTimeOffset.FromUnixTimeMilliseconds(hour * 3_600_000);

    [Fact]
    public void Cut_NoEventsOrNoMoreThanTheMost_IsOneSliceEndingNow()
    {
        Assert.Equal([Now], HistorySlicer.Cut([], 5, Now));
        Assert.Equal([Now], HistorySlicer.Cut([(Hour0, 2), (Hour0 + 1, 3)], 5, Now));
    }

    [Fact]
    public void Cut_MoreThanTheMost_CutsAtTheStartOfTheHourThatWouldPassIt()
    {
        var ends = HistorySlicer.Cut([(Hour0, 3), (Hour0 + 7, 2), (Hour0 + 8, 1), (Hour0 + 9, 4), (Hour0 + 10, 2)], 5, Now);

        Assert.Equal([Start(Hour0 + 8), Start(Hour0 + 10), Now], ends);
    }

    [Fact]
    public void Cut_TheStreamsOfOneHour_CountTogetherInAnyOrder()
    {
        var ends = HistorySlicer.Cut([(Hour0 + 1, 2), (Hour0, 2), (Hour0, 2), (Hour0 + 1, 1)], 4, Now);

        Assert.Equal([Start(Hour0 + 1), Now], ends);
    }

    [Fact]
    public void Cut_AnHourAboveTheMost_IsASliceOfItsOwn()
    {
        var ends = HistorySlicer.Cut([(Hour0, 1), (Hour0 + 1, 10), (Hour0 + 2, 1)], 5, Now);

        Assert.Equal([Start(Hour0 + 1), Start(Hour0 + 2), Now], ends);
    }

    [Fact]
    public void Cut_EventsInTheHourThatStartsNow_NeverEndASliceAtNowTwice()
    {
        var now = Start(Hour0 + 1);

        Assert.Equal([now], HistorySlicer.Cut([(Hour0, 5), (Hour0 + 1, 1)], 5, now));
    }
}
