namespace IvrEngine.Menus.Loading;

/// <summary>
/// A <c>goto</c>, <c>queue</c> or <c>callback</c> whose node or queue does not exist, kept in the place
/// of the action so a menu with errors can still be drawn with the broken arrow where it is written
/// (<see cref="MenuSketch"/>). Only ever made alongside its own error, so a <see cref="Menu"/> that
/// runs never holds one.
/// </summary>
/// <param name="Id">The node or queue id as written.</param>
/// <param name="Kind">What the action was: <see cref="ActionKinds.GoTo"/>, <see cref="ActionKinds.Queue"/> or <see cref="ActionKinds.Callback"/>.</param>
internal sealed record UnresolvedTarget(string Id, ActionKinds Kind) : MenuAction
{
    public bool IsQueue => Kind != ActionKinds.GoTo;
}
