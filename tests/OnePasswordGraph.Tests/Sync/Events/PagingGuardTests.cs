using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sync.Events;

namespace OnePasswordGraph.Tests.Sync.Events;

public sealed class PagingGuardTests
{
    private static readonly EventPageRequest Reset = new EventPageRequest.Reset(DateTimeOffset.UnixEpoch, 100);

    [Fact]
    public void Admit_CursorHandedBackWithHasMore_FailsAtOnceNamingAccountStreamAndWhatToDo()
    {
        var guard = new PagingGuard("acme", "auditevents");

        var error = Assert.Throws<EndlessPagingException>(() => guard.Admit(new EventPageRequest.Continue("c7"), "c7", hasMore: true, ["E1"]));

        Assert.StartsWith("Account acme: the Events API answered auditevents with the cursor it was sent and has_more true", error.Message, StringComparison.Ordinal);
        Assert.Contains("fault of the Events API", error.Message, StringComparison.Ordinal);
        Assert.Contains("report it to 1Password support", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Admit_CursorHandedBackWhenCaughtUp_IsTheDocumentedIdleAnswer()
    {
        var guard = new PagingGuard("acme", "auditevents");

        Assert.True(guard.Admit(new EventPageRequest.Continue("c7"), "c7", hasMore: false, []));
    }

    [Fact]
    public void Admit_PagesBringingNothingNew_AreNotWrittenAndTheTenthInARowFails()
    {
        var guard = new PagingGuard("acme", "itemusages");
        Assert.True(guard.Admit(Reset, "c0", hasMore: true, ["E1", "E2"]));

        var admitted = Enumerable.Range(1, PagingGuard.MaxPagesWithoutNewEvents - 1)
            .Select(i => guard.Admit(new EventPageRequest.Continue($"c{i - 1}"), $"c{i}", hasMore: true, i % 2 == 0 ? ["E2", "E1"] : []))
            .ToList();
        var error = Assert.Throws<EndlessPagingException>(() => guard.Admit(new EventPageRequest.Continue("c9"), "c10", hasMore: true, ["E1"]));

        Assert.All(admitted, Assert.False);
        Assert.Contains("with 10 pages in a row that said has_more true but brought no event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Admit_APageWithOneNewEvent_StartsTheCountAgain()
    {
        var guard = new PagingGuard("acme", "itemusages");
        guard.Admit(Reset, "c0", hasMore: true, ["E1"]);
        for (var i = 1; i < PagingGuard.MaxPagesWithoutNewEvents; i++)
        {
            guard.Admit(new EventPageRequest.Continue($"c{i - 1}"), $"c{i}", hasMore: true, ["E1"]);
        }

        Assert.True(guard.Admit(new EventPageRequest.Continue("c9"), "c10", hasMore: true, ["E1", "E2"]));
        Assert.False(guard.Admit(new EventPageRequest.Continue("c10"), "c11", hasMore: true, ["E2"]));
    }

    [Fact]
    public void Admit_LastPageWithOnlyKnownEvents_IsWrittenBecauseThePagingEnds()
    {
        var guard = new PagingGuard("acme", "itemusages");
        guard.Admit(Reset, "c0", hasMore: true, ["E1"]);

        Assert.True(guard.Admit(new EventPageRequest.Continue("c0"), "c1", hasMore: false, ["E1"]));
    }

    [Fact]
    public void Admit_EventSeenMoreThanFiftyPagesAgo_CountsAsNewAgain()
    {
        var guard = new PagingGuard("acme", "itemusages");
        guard.Admit(Reset, "c0", hasMore: true, ["OLD"]);
        for (var i = 1; i <= PagingGuard.RememberedPages; i++)
        {
            guard.Admit(new EventPageRequest.Continue($"c{i - 1}"), $"c{i}", hasMore: true, [$"E{i}"]);
        }

        Assert.True(guard.Admit(new EventPageRequest.Continue("c50"), "c51", hasMore: true, ["OLD"]));
    }
}
