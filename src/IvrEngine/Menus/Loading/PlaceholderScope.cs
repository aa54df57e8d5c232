namespace IvrEngine.Menus.Loading;

/// <summary>Which placeholder names a text may use.</summary>
internal enum PlaceholderScope
{
    /// <summary>Prompts and messages of nodes: collected variables, <c>reference</c>, <c>callerId</c>.</summary>
    Node,

    /// <summary>System messages, which may also say <c>{queue}</c> and <c>{choices}</c>.</summary>
    SystemMessage,
}
