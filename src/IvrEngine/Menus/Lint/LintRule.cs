namespace IvrEngine.Menus.Lint;

/// <summary>
/// One best-practice check on a valid menu. Each rule has a stable code (<c>IVRL001</c>), reports
/// warnings by default, and says in one line why the finding matters to callers.
/// </summary>
internal abstract class LintRule
{
    public abstract string Code { get; }

    /// <summary>Why it matters, appended to every finding.</summary>
    public abstract string Why { get; }

    public abstract IEnumerable<LintFinding> Check(LintContext context);
}
