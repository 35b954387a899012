using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Data;
using Tillit.Domain.Courses;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Features.Systems;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

/// <summary>A field of a completion that an import column can be mapped to.</summary>
public enum CompletionImportField
{
    Email = 0,
    Course = 1,
    CompletedOn = 2,
}

/// <summary>What a completion import found and, when written, created (errors listed up to <see cref="ImportCompletions.MaxErrorsListed"/>).</summary>
public sealed record CompletionImportResult(
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<CompletionImportField, int> Mapping,
    int Rows,
    int ValidRows,
    int ErrorCount,
    IReadOnlyList<ImportError> Errors,
    int Created,
    bool Written);

/// <summary>
/// Imports course completions from a learning platform's export (the shape of <see cref="ImportSystems"/>):
/// the person by e-mail address, the course by title or code, the completion date. Every row is checked first;
/// the rows are written in one SaveChanges (one transaction, each audited as an ordinary create) only when no row
/// is wrong — a completion list half read in would make the coverage lie, so there is no "valid rows only".
/// </summary>
public sealed class ImportCompletions(TillitDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public const int MaxErrorsListed = 1_000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyyMMdd", "yyyy/MM/dd", "d/M/yyyy", "d.M.yyyy"];

    private static readonly Dictionary<CompletionImportField, string[]> Synonyms = new()
    {
        [CompletionImportField.Email] = ["e-post", "epost", "e-postadress", "email", "e-mail", "mail", "user email", "användare"],
        [CompletionImportField.Course] = ["kurs", "utbildning", "course", "kursnamn", "kurskod", "course title", "course code", "training"],
        [CompletionImportField.CompletedOn] = ["datum", "slutförd", "genomförd", "klar", "date", "completed", "completion date", "completed on", "slutdatum"],
    };

    public static CompletionImportField[] RequiredFields => [CompletionImportField.Email, CompletionImportField.Course, CompletionImportField.CompletedOn];

    /// <summary>A mapping guessed from the header names (Swedish and English); each field at most one column.</summary>
    public static Dictionary<CompletionImportField, int> GuessMapping(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var mapping = new Dictionary<CompletionImportField, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().ToLowerInvariant();
            foreach (var (field, names) in Synonyms)
            {
                if (!mapping.ContainsKey(field) && !mapping.ContainsValue(i) && names.Contains(header))
                {
                    mapping[field] = i;
                }
            }
        }

        return mapping;
    }

    /// <summary>Validates the sheet with the mapping (guessed when null); writes every row when <paramref name="commit"/> and no row is wrong.</summary>
    public async Task<Outcome<CompletionImportResult>> HandleAsync(SheetTable table, IReadOnlyDictionary<CompletionImportField, int>? mapping, bool commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken))
        {
            return Outcome<CompletionImportResult>.Forbidden();
        }

        var map = mapping is null ? GuessMapping(table.Headers) : mapping.Where(m => m.Value >= 0 && m.Value < table.Headers.Count).ToDictionary();
        var errors = new List<ImportError>();
        var errorCount = 0;
        void Fail(int row, CompletionImportField field, string key, params object[] args)
        {
            errorCount++;
            if (errors.Count < MaxErrorsListed)
            {
                var column = map.TryGetValue(field, out var c) && !string.IsNullOrWhiteSpace(table.Headers[c]) ? table.Headers[c] : FieldLabel(field);
                errors.Add(new ImportError(row, column, row == 0 ? l["Import.FileError", column, l[key, args]] : l["Import.RowError", row, column, l[key, args]]));
            }
        }

        foreach (var field in RequiredFields.Where(f => !map.ContainsKey(f)))
        {
            Fail(0, field, "Import.FieldNotMapped");
        }

        var people = (await db.People.AsNoTracking().Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken))
            .GroupBy(p => p.Email.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var courseList = await db.TrainingCourses.AsNoTracking().Select(c => new { c.Id, c.Title, c.Code }).ToListAsync(cancellationToken);
        var courses = new Dictionary<string, Guid?>(StringComparer.CurrentCultureIgnoreCase);
        foreach (var c in courseList)
        {
            foreach (var name in new[] { c.Title, c.Code }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct(StringComparer.CurrentCultureIgnoreCase))
            {
                courses[name] = courses.TryGetValue(name, out var other) && other != c.Id ? null : c.Id;
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var seen = new HashSet<(Guid, Guid, DateOnly)>();
        var candidates = new List<(int Row, Guid Course, Guid Person, DateOnly On)>();
        foreach (var row in errorCount > 0 ? [] : table.Rows)
        {
            var before = errorCount;
            string Cell(CompletionImportField field) => map.TryGetValue(field, out var c) && c < row.Cells.Length ? row.Cells[c] : string.Empty;

            var email = Cell(CompletionImportField.Email);
            Guid personId = default;
            if (email.Length == 0)
            {
                Fail(row.Number, CompletionImportField.Email, "Import.Required");
            }
            else if (!people.TryGetValue(email, out personId))
            {
                Fail(row.Number, CompletionImportField.Email, "Training.ImportPersonUnknown", email);
            }

            var courseName = Cell(CompletionImportField.Course);
            Guid courseId = default;
            if (courseName.Length == 0)
            {
                Fail(row.Number, CompletionImportField.Course, "Import.Required");
            }
            else if (!courses.TryGetValue(courseName, out var found))
            {
                Fail(row.Number, CompletionImportField.Course, "Training.ImportCourseUnknown", courseName);
            }
            else if (found is not { } id)
            {
                Fail(row.Number, CompletionImportField.Course, "Training.ImportCourseAmbiguous", courseName);
            }
            else
            {
                courseId = id;
            }

            var dateText = Cell(CompletionImportField.CompletedOn);
            DateOnly on = default;
            if (dateText.Length == 0)
            {
                Fail(row.Number, CompletionImportField.CompletedOn, "Import.Required");
            }
            else if (!TryDate(dateText, out on))
            {
                Fail(row.Number, CompletionImportField.CompletedOn, "Training.ImportDateInvalid", dateText);
            }
            else if (on > today)
            {
                Fail(row.Number, CompletionImportField.CompletedOn, "Training.ImportDateInFuture", dateText);
            }

            if (errorCount == before)
            {
                if (!seen.Add((courseId, personId, on)))
                {
                    Fail(row.Number, CompletionImportField.Email, "Training.ImportDuplicateRow", email, courseName, on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                else
                {
                    candidates.Add((row.Number, courseId, personId, on));
                }
            }
        }

        // Completions already recorded: a second import of the same export must not count anyone twice.
        if (candidates.Count > 0)
        {
            var courseIds = candidates.Select(c => c.Course).Distinct().ToList();
            var personIds = candidates.Select(c => c.Person).ToHashSet();
            var first = candidates.Min(c => c.On);
            var existing = (await db.TrainingCompletions.AsNoTracking()
                    .Where(c => courseIds.Contains(c.CourseId) && c.CompletedOn >= first)
                    .Select(c => new { c.CourseId, c.PersonId, c.CompletedOn })
                    .ToListAsync(cancellationToken))
                .Where(c => personIds.Contains(c.PersonId))
                .Select(c => (c.CourseId, c.PersonId, c.CompletedOn))
                .ToHashSet();
            foreach (var c in candidates.Where(c => existing.Contains((c.Course, c.Person, c.On))).ToList())
            {
                var row = table.Rows.First(r => r.Number == c.Row);
                var email = map.TryGetValue(CompletionImportField.Email, out var e) && e < row.Cells.Length ? row.Cells[e] : string.Empty;
                Fail(c.Row, CompletionImportField.CompletedOn, "Training.ImportAlreadyRecorded", email, c.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                candidates.Remove(c);
            }
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        var write = commit && errorCount == 0 && candidates.Count > 0;
        if (write)
        {
            var organisationId = user.OrganisationId!.Value;
            db.TrainingCompletions.AddRange(candidates.Select(c => new TrainingCompletion(organisationId, c.Course, c.Person, c.On, imported: true)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome<CompletionImportResult>.Ok(new CompletionImportResult(table.Headers, map, table.Rows.Count, candidates.Count, errorCount, errors, write ? candidates.Count : 0, write));
    }

    public string FieldLabel(CompletionImportField field) => l[field switch
    {
        CompletionImportField.Email => "Training.PersonEmail",
        CompletionImportField.Course => "Training.Course",
        _ => "Training.CompletedOn",
    }];

    /// <summary>An ISO date (or date and time), a few day-first forms, or an Excel date number as .xlsx stores it.</summary>
    private static bool TryDate(string text, out DateOnly date)
    {
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 20_000 and <= 80_000)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        date = default;
        return false;
    }
}
