using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Hours;

/// <summary>Formats used in rule names and the hours table.</summary>
internal static class HoursText
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    public static string Date(LocalDate date) => IsoDate.Format(date);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
