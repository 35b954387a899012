using System.Globalization;

namespace Tillit.Web.Features.Incidents;

/// <summary>Reads a datetime-local value (yyyy-MM-ddTHH:mm) as Swedish time, the time the forms show.</summary>
public static class SwedishTime
{
    private static readonly TimeZoneInfo Zone = Tillit.Web.Infrastructure.DisplayTime.Zone;

    /// <summary>False when the text is given but not a time; null value when empty.</summary>
    public static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateTime.TryParseExact(text.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        value = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
        return true;
    }

    /// <summary>The value for a datetime-local input.</summary>
    public static string ToInput(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
