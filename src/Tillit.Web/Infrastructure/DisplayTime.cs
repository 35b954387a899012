using System.Globalization;

namespace Tillit.Web.Infrastructure;

/// <summary>
/// Times are stored in UTC and shown in Swedish time, the time of the organisations Tillit serves,
/// formatted for the reader's language.
/// </summary>
public static class DisplayTime
{
    /// <summary>Swedish time (UTC where the server has no time zone data).</summary>
    public static readonly TimeZoneInfo Zone = FindZone();

    public static string Format(DateTime? utc)
    {
        if (utc is not { } value)
        {
            return string.Empty;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Zone);
        return local.ToString("g", CultureInfo.CurrentCulture);
    }

    /// <summary>The Swedish time of a UTC instant.</summary>
    public static DateTime Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
