using OnePasswordGraph.Graph.Neo4j;

namespace OnePasswordGraph.Tests.Graph.Neo4j;

public sealed class Neo4jErrorClassifierTests
{
    [Theory]
    [InlineData("Neo.TransientError.Transaction.DeadlockDetected", Neo4jErrorKind.Transient)]
    [InlineData("Neo.TransientError.Transaction.LockAcquisitionTimeout", Neo4jErrorKind.Transient)]
    [InlineData("Neo.TransientError.General.DatabaseUnavailable", Neo4jErrorKind.Transient)]
    [InlineData("Neo.TransientError.General.TransactionMemoryLimit", Neo4jErrorKind.Transient)]
    [InlineData("Neo.TransientError.Cluster.ReplicationFailure", Neo4jErrorKind.Transient)]
    [InlineData("Neo.ClientError.Cluster.NotALeader", Neo4jErrorKind.Transient)]
    [InlineData("Neo.ClientError.General.ForbiddenOnReadOnlyDatabase", Neo4jErrorKind.Transient)]
    [InlineData("Neo.TransientError.Transaction.Terminated", Neo4jErrorKind.Client)]
    [InlineData("Neo.TransientError.Transaction.LockClientStopped", Neo4jErrorKind.Client)]
    [InlineData("Neo.ClientError.Transaction.Terminated", Neo4jErrorKind.Client)]
    [InlineData("Neo.ClientError.Statement.SyntaxError", Neo4jErrorKind.Client)]
    [InlineData("Neo.ClientError.Schema.ConstraintValidationFailed", Neo4jErrorKind.Client)]
    [InlineData("Neo.ClientError.Security.Unauthorized", Neo4jErrorKind.Authentication)]
    [InlineData("Neo.ClientError.Database.DatabaseNotFound", Neo4jErrorKind.DatabaseNotFound)]
    [InlineData("Neo.DatabaseError.General.UnknownError", Neo4jErrorKind.Database)]
    [InlineData(null, Neo4jErrorKind.Protocol)]
    public void Classify_Code_ReturnsKind(string? code, Neo4jErrorKind expected) => Assert.Equal(expected, Neo4jErrorClassifier.Classify(code));

    [Theory]
    [InlineData(401, Neo4jErrorKind.Authentication)]
    [InlineData(403, Neo4jErrorKind.Authentication)]
    [InlineData(404, Neo4jErrorKind.Protocol)]
    [InlineData(408, Neo4jErrorKind.Transient)]
    [InlineData(429, Neo4jErrorKind.Transient)]
    [InlineData(500, Neo4jErrorKind.Transient)]
    [InlineData(503, Neo4jErrorKind.Transient)]
    [InlineData(400, Neo4jErrorKind.Protocol)]
    public void ClassifyHttpStatus_Status_ReturnsKind(int status, Neo4jErrorKind expected) =>
        Assert.Equal(expected, Neo4jErrorClassifier.ClassifyHttpStatus(status));

    [Theory]
    [InlineData(Neo4jErrorKind.Transient, true)]
    [InlineData(Neo4jErrorKind.Unreachable, true)]
    [InlineData(Neo4jErrorKind.Client, false)]
    [InlineData(Neo4jErrorKind.Authentication, false)]
    [InlineData(Neo4jErrorKind.DatabaseNotFound, false)]
    [InlineData(Neo4jErrorKind.Database, false)]
    public void IsTransient_FollowsKind(Neo4jErrorKind kind, bool transient) => Assert.Equal(transient, new Neo4jException(kind, "x").IsTransient);
}
