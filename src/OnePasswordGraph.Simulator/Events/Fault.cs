namespace OnePasswordGraph.Simulator.Events;

/// <summary>A failure the simulator injects into a coming request: an HTTP status, a delay, or a cut connection.</summary>
public sealed record Fault(int? StatusCode = null, TimeSpan? Delay = null, bool Abort = false)
{
    public static Fault Status(int statusCode) => new(StatusCode: statusCode);

    public static Fault Slow(TimeSpan delay) => new(Delay: delay);

    public static Fault CutConnection() => new(Abort: true);
}
