namespace IvrEngine.Menus.Loading;

/// <summary>The stable problem codes documented in <c>docs/menu-format.md</c>.</summary>
internal static class DiagnosticCodes
{
    public const string Unreadable = "IVR0001";
    public const string WrongType = "IVR0002";
    public const string UnknownProperty = "IVR0003";
    public const string MissingProperty = "IVR0004";
    public const string Duplicate = "IVR0005";
    public const string UnknownNode = "IVR0006";
    public const string DuplicateKey = "IVR0007";
    public const string DuplicatePhrase = "IVR0008";
    public const string BadKey = "IVR0009";
    public const string UnknownTimeZone = "IVR0010";
    public const string UnknownStart = "IVR0011";
    public const string MissingLocale = "IVR0012";
    public const string Unreachable = "IVR0013";
    public const string UnknownQueue = "IVR0014";
    public const string KeyIsEscapeKey = "IVR0015";
    public const string PrefixKey = "IVR0016";
    public const string BadPattern = "IVR0017";
    public const string OutOfRange = "IVR0018";
    public const string BadAction = "IVR0019";
    public const string UnknownPlaceholder = "IVR0020";
    public const string UndeclaredLocale = "IVR0021";
    public const string Malformed = "IVR0022";
    public const string BadNodeShape = "IVR0023";
    public const string AnnouncementLoop = "IVR0024";
    public const string BadHours = "IVR0025";
    public const string UnknownSchedule = "IVR0026";
    public const string CallbackWithoutHours = "IVR0027";
    public const string NoEffect = "IVR0028";
    public const string RoutingLoop = "IVR0029";
    public const string NoGrammar = "IVR0030";
}
