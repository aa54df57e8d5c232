namespace IvrEngine.Callbacks;

/// <summary>Why a callback waits, as stores record it (its last result) and <c>ivr callbacks</c> shows it.</summary>
public static class CallbackReasons
{
    /// <summary>A virtual-hold callback whose caller's place is kept in line: it is dialed when the place comes up.</summary>
    public const string PlaceKept = "place kept in line";

    /// <summary>A virtual-hold callback whose kept place died with the dialer's process: due at once after the restart.</summary>
    public const string PlaceLost = "place in line lost at a restart; due now";
}
