using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Tests.Mapping.Events;

public sealed class QuarantineMapperTests
{
    private static readonly MalformedEvent NotAnObject = new(3, MalformedEventReason.NotAnObject, "42", 2, new string('a', 64));

    [Fact]
    public void Map_MalformedEvent_KeepsItsJsonReasonStreamAndSizes()
    {
        var entity = Assert.Single(QuarantineMapper.Map("acme", "itemusages", "v2", "cursor-1", [NotAnObject]));

        Assert.Equal("one_password_quarantined_event", entity.Type.Type);
        Assert.StartsWith("acme|quarantine|itemusages|", entity.Key, StringComparison.Ordinal);
        Assert.Equal("42", entity.Properties["rawJson"]);
        Assert.Equal(2L, entity.Properties["rawBytes"]);
        Assert.Equal(false, entity.Properties["truncated"]);
        Assert.Equal("not_an_object", entity.Properties["reason"]);
        Assert.Equal("itemusages", entity.Properties["stream"]);
        Assert.Equal("cursor-1#3", entity.Properties["pagePosition"]);
    }

    [Fact]
    public void Map_SamePageAgain_GivesTheSameKey_AndAnotherPositionOrContentAnother()
    {
        string KeyOf(string account, string position, MalformedEvent bad) => QuarantineMapper.Map(account, "itemusages", "v2", position, [bad])[0].Key;
        var key = KeyOf("acme", "cursor-1", NotAnObject);

        Assert.Equal(key, KeyOf("acme", "cursor-1", NotAnObject));
        Assert.NotEqual(key, KeyOf("acme", "cursor-2", NotAnObject));
        Assert.NotEqual(key, KeyOf("acme", "cursor-1", NotAnObject with { Position = 4 }));
        Assert.NotEqual(key, KeyOf("acme", "cursor-1", NotAnObject with { RawSha256 = new string('b', 64) }));
        Assert.NotEqual(key, KeyOf("beta", "cursor-1", NotAnObject));
    }

    [Fact]
    public void Truncated_EventLargerThanWhatIsKept_IsMarked()
    {
        Assert.True((NotAnObject with { RawBytes = MalformedEvent.MaxStoredBytes + 1 }).Truncated);
        Assert.False((NotAnObject with { RawBytes = MalformedEvent.MaxStoredBytes }).Truncated);
    }
}
