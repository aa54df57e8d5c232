namespace IvrEngine.Menus.Loading;

/// <summary>A queue or node that can turn a caller away the moment they arrive (closed by its hours, full, no agents).</summary>
internal sealed record RoutingPlace(bool IsQueue, string Id)
{
    public override string ToString() => $"{(IsQueue ? "queue" : "node")} '{Id}'";
}
