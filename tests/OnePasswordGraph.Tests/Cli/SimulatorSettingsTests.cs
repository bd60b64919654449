using OnePasswordGraph.Cli;

namespace OnePasswordGraph.Tests.Cli;

public sealed class SimulatorSettingsTests
{
    [Fact]
    public void AsExports_QuotesEveryValueForAShell()
    {
        var exports = SimulatorSettings.AsExports([new("OnePassword__Events__Token", "a'b $HOME `x`"), new("OnePassword__Events__BaseUrl", "http://127.0.0.1:18080/")]);

        Assert.Equal("export OnePassword__Events__Token='a'\\''b $HOME `x`'\nexport OnePassword__Events__BaseUrl='http://127.0.0.1:18080/'\n", exports);
    }
}
