namespace IvrEngine.Calls;

/// <summary>
/// The number a caller is told so a repeat call can pick up where this one left off:
/// nine digits in three groups (<c>482-173-359</c>), easy to say and to write down. The last
/// digit is a Damm check digit, which catches every single-digit error and every swap of two
/// adjacent digits — the mistakes people make reading a number over the phone.
/// </summary>
public readonly record struct ReferenceNumber
{
    // The Damm algorithm's totally anti-symmetric quasigroup of order 10.
    private static readonly byte[,] Quasigroup =
    {
        { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
        { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
        { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
        { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
        { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
        { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
        { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
        { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
        { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
        { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
    };

    private ReferenceNumber(string digits) => Digits = digits;

    /// <summary>The nine digits without separators.</summary>
    public string Digits { get; }

    /// <summary>A new reference number drawn from <paramref name="random"/> (seeded for determinism).</summary>
    public static ReferenceNumber Create(Random random)
    {
        Span<char> digits = stackalloc char[9];
        digits[0] = (char)('1' + random.Next(9)); // no leading zero: callers drop it when reading back
        for (var i = 1; i < 8; i++) digits[i] = (char)('0' + random.Next(10));
        digits[8] = (char)('0' + CheckDigit(digits[..8]));
        return new ReferenceNumber(new string(digits));
    }

    /// <summary>
    /// The <paramref name="sequence"/>-th reference of a run (0-based): unique for 90 million calls,
    /// where drawn ones would start to collide after some ten thousand (a simulation books callbacks by reference).
    /// </summary>
    public static ReferenceNumber FromSequence(long sequence)
    {
        Span<char> digits = stackalloc char[9];
        var value = 10_000_000 + (sequence % 90_000_000);
        for (var i = 7; i >= 0; i--, value /= 10) digits[i] = (char)('0' + (value % 10));
        digits[8] = (char)('0' + CheckDigit(digits[..8]));
        return new ReferenceNumber(new string(digits));
    }

    /// <summary>Parses <c>482-173-359</c> or <c>482173359</c>; false when the check digit does not match.</summary>
    public static bool TryParse(string? text, out ReferenceNumber reference)
    {
        reference = default;
        if (text is null) return false;
        var digits = new string(text.Where(c => c is not ('-' or ' ')).ToArray());
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit) || CheckDigit(digits) != 0) return false;
        reference = new ReferenceNumber(digits);
        return true;
    }

    /// <summary>The Damm interim digit of <paramref name="digits"/>: 0 when a number ends in its own check digit.</summary>
    internal static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var interim = 0;
        foreach (var c in digits) interim = Quasigroup[interim, c - '0'];
        return interim;
    }

    public override string ToString() => Digits is null ? string.Empty : $"{Digits[..3]}-{Digits[3..6]}-{Digits[6..]}";
}
