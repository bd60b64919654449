namespace OnePasswordGraph.Delivery.Response;

/// <summary>What can be done to a user through the Users API.</summary>
public enum UserAction
{
    Suspend,
    Reactivate,
}
