using IvrEngine.Menus.Loading;

namespace IvrEngine.Menus.Lint;

/// <summary>What a rule found, where, and in which node (null for the menu as a whole), so a node's <c>lint</c> block can switch it off.</summary>
internal sealed record LintFinding(string? NodeId, SourcePoint At, string Message);
