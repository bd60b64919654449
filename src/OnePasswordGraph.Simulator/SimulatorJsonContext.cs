using System.Text.Json.Serialization;

namespace OnePasswordGraph.Simulator;

[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
