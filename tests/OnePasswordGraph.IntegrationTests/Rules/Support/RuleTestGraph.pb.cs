using OnePasswordGraph.Sources.Connect.Records;
using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.IntegrationTests.Rules.Support;

/// <summary>Audit events whose aux user is named only partly, and items in a state other than active.</summary>
internal sealed partial class RuleTestGraph
{
    /// <summary>
    /// Adds an audit event by <paramref name="actor"/> whose aux user is given separately as <c>aux_uuid</c>
    /// (<paramref name="auxUuid"/>) and as <c>aux_details</c> (<paramref name="auxDetailsUser"/>), either of which may
    /// be missing, as in older or third-party records; <paramref name="actorEmail"/> replaces the actor's usual
    /// <c>uuid@example.com</c>. Returns the event's uuid.
    /// </summary>
    public string AuditWithAux(
        string actor, string action, string objectType, string objectUuid, DateTimeOffset at,
        string? auxUuid, string? auxDetailsUser, string? auxInfo = null, string? actorEmail = null)
    {
        var key = NextUuid("audit");
        _audits.Add(new AuditEvent
        {
            Uuid = key,
            Timestamp = at,
            ActorUuid = actor,
            ActorDetails = actorEmail is null ? Person(actor) : new EventUser { Uuid = actor, Name = actor, Email = actorEmail },
            ActorType = "user",
            Action = action,
            ObjectType = objectType,
            ObjectUuid = objectUuid,
            AuxUuid = auxUuid,
            AuxDetails = auxDetailsUser is null ? null : Person(auxDetailsUser),
            AuxInfo = auxInfo,
            Session = new EventSession { Uuid = "session-" + key },
        });
        return key;
    }

    /// <summary>Adds an item as Connect lists it with <paramref name="state"/> (ARCHIVED, DELETED), last edited by <paramref name="lastEditedBy"/> at <paramref name="updatedAt"/>.</summary>
    public RuleTestGraph ItemInState(string id, string vault, string state, string lastEditedBy, DateTimeOffset updatedAt)
    {
        if (!_items.TryGetValue(vault, out var items))
        {
            _items[vault] = items = [];
        }

        items.Add(new ConnectItem
        {
            Id = id,
            Title = id,
            Vault = new ConnectReference { Id = vault },
            Category = "LOGIN",
            Version = 2,
            State = state,
            CreatedAt = updatedAt.AddDays(-100),
            UpdatedAt = updatedAt,
            LastEditedBy = lastEditedBy,
        });
        return this;
    }
}
