using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.Cli;

internal static partial class CliLog
{
    [LoggerMessage(EventId = 6001, EventName = "ConfigurationWarning", Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void ConfigurationWarning(ILogger logger, string warning);
}
