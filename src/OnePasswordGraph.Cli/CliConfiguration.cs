using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Hosting.Configuration;

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

        try
        {
            return builder.AddEnvironmentVariables().Build();
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
        {
            // A missing or malformed settings file is bad configuration like any other: exit 2 with the reason.
            throw new ConfigurationException([ex.Message]);
        }
    }
}
