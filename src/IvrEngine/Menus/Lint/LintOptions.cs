namespace IvrEngine.Menus.Lint;

/// <summary>The limits the lint rules check against.</summary>
public sealed record LintOptions
{
    public static readonly LintOptions Default = new();

    /// <summary>Choices one menu node may offer by key (repeat, back and main-menu keys not counted); IVRL003.</summary>
    public int MaxOptions { get; init; } = 5;

    /// <summary>Menus a caller may have to go through to reach a node, the start menu being the first; IVRL004.</summary>
    public int MaxDepth { get; init; } = 4;

    /// <summary>Longest a prompt may take to say, at <c>SpeakingTime</c>'s words a minute for its locale; IVRL008.</summary>
    public double MaxPromptSeconds { get; init; } = 30;
}
