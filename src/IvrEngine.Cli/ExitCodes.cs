namespace IvrEngine.Cli;

/// <summary>What <c>ivr</c> returns, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the call completed, every menu is valid.</summary>
    public const int Ok = 0;

    /// <summary>The work failed: a menu has errors.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown option, missing argument, bad value.</summary>
    public const int Usage = 2;
}
