using Microsoft.Extensions.Configuration;

namespace OnePasswordGraph.Cli;

/// <summary>Configuration, .NET style: appsettings.json in the working directory, then --config, then environment variables.</summary>
internal static class CliConfiguration
{
    public static IConfiguration Build(FileInfo? configFile)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true);
        if (configFile is not null)
        {
            builder.AddJsonFile(configFile.FullName, optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }
}
