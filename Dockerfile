# Multi-stage build of the worker: the SDK image builds and publishes, the runtime image runs it as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/OnePasswordGraph.Cli/OnePasswordGraph.Cli.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The runtime images ship an unprivileged "app" user (uid 1654); tokens come from mounted secret files, never layers.
USER app
ENTRYPOINT ["dotnet", "/app/onepassword-graph.dll"]
CMD ["run"]
