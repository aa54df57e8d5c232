namespace IvrEngine.Cluster;

/// <summary>The cluster cannot be joined as configured: one line for the operator, never a password.</summary>
public sealed class ClusterException(string message, Exception? inner = null) : Exception(message, inner);
