using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Courses;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;
using Tillit.Web.Features.Documents;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

public sealed record CourseRow(Guid Id, string Title, string? Code, AudienceKind AudienceKind, int? RepeatMonths, bool IsActive);

public sealed record CourseDetails(
    Guid Id,
    string Title,
    string? Code,
    string? Description,
    AudienceKind AudienceKind,
    IReadOnlyList<Guid> UnitIds,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<string> AudienceNames,
    int? RepeatMonths,
    bool IsActive,
    int Version);

/// <summary>One completion on a course's page: who, when, and whether it is still current.</summary>
public sealed record CompletionRow(Guid Id, Guid PersonId, string PersonName, string Email, DateOnly CompletedOn, bool Imported, bool Current);

/// <summary>A course's coverage in the reader's scope: how many of its audience, how many with a current completion.</summary>
public sealed record CourseCoverage(Guid Id, string Title, int? RepeatMonths, int Audience, int Current)
{
    public int Percent => Audience == 0 ? 0 : (int)Math.Round(100.0 * Current / Audience);
}

/// <summary>
/// One unit's coverage of a course (its own people, not its sub-units'), beside the share of the unit's
/// people asked by open acknowledgement campaigns who have confirmed (null when the reader may not see it).
/// </summary>
public sealed record UnitTrainingCoverage(Guid UnitId, string UnitName, int Audience, int Current, int? Asked, int? Confirmed)
{
    public int Percent => Audience == 0 ? 0 : (int)Math.Round(100.0 * Current / Audience);

    public int? ConfirmedPercent => Asked is > 0 ? (int)Math.Round(100.0 * Confirmed!.Value / Asked.Value) : null;
}

public sealed record TrainingCoverage(
    IReadOnlyList<CourseCoverage> Courses,
    int CourseCount,
    CourseCoverage? Course,
    IReadOnlyList<UnitTrainingCoverage> Units,
    bool OrganisationWide,
    bool ShowsAcknowledgements);

/// <summary>A course the signed-in person must take, with their latest completion.</summary>
public sealed record MyCourse(Guid Id, string Title, string? Description, int? RepeatMonths, DateOnly? LastCompleted, DateOnly? CurrentUntil, bool Current);

/// <summary>
/// Reads the training courses, their completions and their coverage. Course texts are not secret (anyone with
/// training.read sees them); completions are personal data: the list on a course's page is recorded in the
/// audit trail. Coverage is counted in the database within the reader's unit scope (a manager: their units).
/// </summary>
public sealed class TrainingQueries(TillitDbContext db, CurrentUser user, AuditTrail trail, AcknowledgementQueries acknowledgements, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    public const int CoursesPerPage = 50;

    public static readonly SortColumns<TrainingCourse> Sorts = new SortColumns<TrainingCourse>("title")
        .Add("title", c => c.Title)
        .Add("repeat", c => c.RepeatMonths);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Paged<CourseRow>> ListAsync(string? q, bool activeOnly, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var query = db.TrainingCourses.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(c => c.Title.ToLower().Contains(term) || (c.Code != null && c.Code.ToLower().Contains(term)));
        }

        if (activeOnly)
        {
            query = query.Where(c => c.IsActive);
        }

        return await Sorts.PageAsync(query, page, c => new CourseRow(c.Id, c.Title, c.Code, c.AudienceKind, c.RepeatMonths, c.IsActive), c => c.Id, cancellationToken);
    }

    public async Task<Outcome<CourseDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var course = await db.TrainingCourses.AsNoTracking().Include(c => c.Audience).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null)
        {
            return Outcome<CourseDetails>.NotFound();
        }

        var unitIds = course.Audience.Where(a => a.UnitId != null).Select(a => a.UnitId!.Value).ToList();
        var roles = course.Audience.Where(a => a.Role != null).Select(a => a.Role!.Value).ToList();
        var names = unitIds.Count == 0 ? [] : await db.Units.Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(cancellationToken);
        return Outcome<CourseDetails>.Ok(new CourseDetails(course.Id, course.Title, course.Code, course.Description, course.AudienceKind, unitIds, roles, names, course.RepeatMonths, course.IsActive, course.Version));
    }

    /// <summary>The completions of a course, newest first (training.manage only); the read is recorded as a list of personal data.</summary>
    public async Task<Outcome<Paged<CompletionRow>>> CompletionsAsync(Guid courseId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken))
        {
            return Outcome<Paged<CompletionRow>>.Forbidden();
        }

        var repeat = await db.TrainingCourses.Where(c => c.Id == courseId).Select(c => new { c.RepeatMonths }).FirstOrDefaultAsync(cancellationToken);
        if (repeat is null)
        {
            return Outcome<Paged<CompletionRow>>.NotFound();
        }

        var from = TrainingCourse.CurrentFrom(repeat.RepeatMonths, Today);
        var rows = db.TrainingCompletions.AsNoTracking().Where(c => c.CourseId == courseId)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new { c, p });
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(x => x.c.CompletedOn).ThenBy(x => x.p.Name).ThenBy(x => x.c.Id)
            .Skip((page.SafePage - 1) * page.SafeSize).Take(page.SafeSize)
            .Select(x => new CompletionRow(x.c.Id, x.p.Id, x.p.Name, x.p.Email, x.c.CompletedOn, x.c.Imported, x.c.CompletedOn >= from))
            .ToListAsync(cancellationToken);
        await trail.RecordListAsync(AuditTrail.Protected.Person, $"training={courseId};page={page.SafePage}", items.Count);
        return Outcome<Paged<CompletionRow>>.Ok(new Paged<CompletionRow>(items, total, page.SafePage, page.SafeSize, "completed", true));
    }

    /// <summary>
    /// Coverage within the reader's scope (or one unit of it and its sub-units): each active course's share of its
    /// audience with a current completion, a page of courses at a time, and for one course (the chosen one, else
    /// the first) the share per unit beside the unit's confirmations of the open acknowledgement campaigns.
    /// </summary>
    public async Task<Outcome<TrainingCoverage>> CoverageAsync(Guid? unitId, Guid? courseId, int page, CancellationToken cancellationToken)
    {
        var scope = await user.UnitScopeAsync(Permissions.TrainingRead, cancellationToken);
        if (scope is { Count: 0 })
        {
            return Outcome<TrainingCoverage>.Forbidden();
        }

        if (unitId is { } uid)
        {
            var path = await db.Units.Where(u => u.Id == uid).WithinScope(scope).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
            if (path is null)
            {
                return Outcome<TrainingCoverage>.NotFound();
            }

            scope = [path];
        }

        var courses = db.TrainingCourses.AsNoTracking().Where(c => c.IsActive);
        var count = await courses.CountAsync(cancellationToken);
        var pageCourses = await courses.Include(c => c.Audience).OrderBy(c => c.Title).ThenBy(c => c.Id)
            .Skip((Math.Max(1, page) - 1) * CoursesPerPage).Take(CoursesPerPage).ToListAsync(cancellationToken);
        var chosen = courseId is { } cid
            ? pageCourses.Find(c => c.Id == cid) ?? await courses.Include(c => c.Audience).FirstOrDefaultAsync(c => c.Id == cid, cancellationToken)
            : pageCourses.FirstOrDefault();
        if (courseId is not null && chosen is null)
        {
            return Outcome<TrainingCoverage>.NotFound();
        }

        var counted = chosen is null || pageCourses.Contains(chosen) ? pageCourses : [.. pageCourses, chosen];
        var byCourse = await PerUnitAsync(counted, scope, cancellationToken);
        var rows = pageCourses.Select(c => new CourseCoverage(c.Id, c.Title, c.RepeatMonths, byCourse[c.Id].Sum(u => u.Audience), byCourse[c.Id].Sum(u => u.Current))).ToList();

        IReadOnlyList<UnitTrainingCoverage> perUnit = [];
        CourseCoverage? chosenRow = null;
        var showsAcknowledgements = await user.HasAsync(Permissions.DocumentsCoverage, cancellationToken);
        if (chosen is not null)
        {
            var units = byCourse[chosen.Id];
            chosenRow = new CourseCoverage(chosen.Id, chosen.Title, chosen.RepeatMonths, units.Sum(u => u.Audience), units.Sum(u => u.Current));
            var confirmed = showsAcknowledgements ? await acknowledgements.OpenCoverageByUnitAsync(cancellationToken) : new Dictionary<Guid, (int Asked, int Confirmed)>();
            perUnit = units.Select(u => confirmed.TryGetValue(u.UnitId, out var c) ? u with { Asked = c.Asked, Confirmed = c.Confirmed } : u with { Asked = showsAcknowledgements ? 0 : null, Confirmed = showsAcknowledgements ? 0 : null })
                .OrderBy(u => u.UnitName, StringComparer.CurrentCulture).ToList();
        }

        return Outcome<TrainingCoverage>.Ok(new TrainingCoverage(rows, count, chosenRow, perUnit, scope is null, showsAcknowledgements));
    }

    /// <summary>The active courses whose audience includes the signed-in person, with their latest completion.</summary>
    public async Task<IReadOnlyList<MyCourse>> MineAsync(CancellationToken cancellationToken)
    {
        if (user.PersonId is not { } personId)
        {
            return [];
        }

        var roles = await user.RolesAsync(cancellationToken);
        var path = await db.People.Where(p => p.Id == personId).Select(p => db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Path).FirstOrDefault()).FirstOrDefaultAsync(cancellationToken) ?? "-";
        var courses = await db.TrainingCourses.AsNoTracking().Include(c => c.Audience).Where(c => c.IsActive).ToListAsync(cancellationToken);
        var unitIds = courses.SelectMany(c => c.Audience).Where(a => a.UnitId != null).Select(a => a.UnitId!.Value).Distinct().ToList();
        var paths = unitIds.Count == 0 ? [] : await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken);
        var mine = courses.Where(c => c.AudienceKind switch
        {
            AudienceKind.Everyone => true,
            AudienceKind.Units => c.Audience.Any(a => a.UnitId is { } u && paths.TryGetValue(u, out var p) && path.StartsWith(p, StringComparison.Ordinal)),
            _ => c.Audience.Any(a => a.Role is { } r && roles.Contains(r)),
        }).ToList();
        var latest = await db.TrainingCompletions.Where(c => c.PersonId == personId)
            .GroupBy(c => c.CourseId).Select(g => new { g.Key, Last = g.Max(c => c.CompletedOn) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);
        var today = Today;
        return mine.Select(c =>
            {
                DateOnly? last = latest.TryGetValue(c.Id, out var l) ? l : null;
                DateOnly? until = last is { } d && c.RepeatMonths is { } m ? d.AddMonths(m) : null;
                var current = last is { } done && done >= TrainingCourse.CurrentFrom(c.RepeatMonths, today);
                return new MyCourse(c.Id, c.Title, c.Description, c.RepeatMonths, last, until, current);
            })
            .OrderBy(c => c.Current).ThenBy(c => c.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The units within scope to offer as a filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> UnitChoicesAsync(CancellationToken cancellationToken)
    {
        var scope = await user.UnitScopeAsync(Permissions.TrainingRead, cancellationToken);
        return (await db.Units.AsNoTracking().WithinScope(scope).OrderBy(u => u.Path).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.Name)).ToList();
    }

    /// <summary>
    /// Each course's audience and current completions per unit within the scope. The audience is that of an
    /// acknowledgement campaign: the active people of everyone, of the named units and their sub-units, or the
    /// current holders of the named roles. Units without any of the audience are left out. The counts per unit come
    /// from <see cref="CountsAsync"/>, kept for the organisation; only the units of the scope are read per request.
    /// </summary>
    private async Task<Dictionary<Guid, List<UnitTrainingCoverage>>> PerUnitAsync(List<TrainingCourse> courses, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var result = courses.ToDictionary(c => c.Id, _ => new List<UnitTrainingCoverage>());
        if (courses.Count == 0 || db.CurrentOrganisationId is not { } organisationId)
        {
            return result;
        }

        var today = Today;
        var counts = await cache.GetOrCreateAsync(CountSources, "training-counts:" + today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), organisationId, () => CountsAsync(today, cancellationToken));
        var units = await db.Units.AsNoTracking().WithinScope(scope).OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken);
        var namedIds = courses.Where(c => c.AudienceKind == AudienceKind.Units).SelectMany(c => c.Audience).Where(a => a.UnitId != null).Select(a => a.UnitId!.Value).Distinct().ToList();
        var namedPaths = namedIds.Count == 0 ? [] : await db.Units.AsNoTracking().Where(u => namedIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken);

        foreach (var course in courses)
        {
            var named = course.AudienceKind == AudienceKind.Units
                ? course.Audience.Where(a => a.UnitId is { } u && namedPaths.ContainsKey(u)).Select(a => namedPaths[a.UnitId!.Value]).ToList()
                : null;
            foreach (var unit in units)
            {
                if (named is not null && !named.Exists(p => unit.Path.StartsWith(p, StringComparison.Ordinal)))
                {
                    continue;
                }

                var audience = course.AudienceKind == AudienceKind.Roles ? counts.Holders.GetValueOrDefault((course.Id, unit.Id)) : counts.People.GetValueOrDefault(unit.Id);
                if (audience > 0)
                {
                    result[course.Id].Add(new UnitTrainingCoverage(unit.Id, unit.Name, audience, counts.Current.GetValueOrDefault((course.Id, unit.Id)), null, null));
                }
            }
        }

        return result;
    }

    private static readonly Type[] CountSources =
        [typeof(TrainingCompletion), typeof(TrainingCourse), typeof(CourseAudience), typeof(Person), typeof(RoleAssignment)];

    /// <summary>The organisation's counts per unit behind every active course's coverage, on one day.</summary>
    private sealed record TrainingCounts(
        IReadOnlyDictionary<Guid, int> People,
        IReadOnlyDictionary<(Guid CourseId, Guid UnitId), int> Holders,
        IReadOnlyDictionary<(Guid CourseId, Guid UnitId), int> Current);

    /// <summary>
    /// The active people per unit, the holders of each role course's roles per unit, and the distinct people per
    /// course and unit with a current completion (for a role course, only those who hold one of its roles), for every
    /// active course in three queries whatever the number of courses, people or completions. The completions are
    /// made distinct per course and person before they meet the people, so the database reads each completion once
    /// instead of looking up every person's completions (1.7 s against 6.1 s for a million on SQLite).
    /// </summary>
    private async Task<TrainingCounts> CountsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var courses = await db.TrainingCourses.AsNoTracking().Where(c => c.IsActive).ToListAsync(cancellationToken);
        var people = await Shared.AudienceCounts.ActivePeopleAsync(db, cancellationToken);
        var roleCourses = courses.Where(c => c.AudienceKind == AudienceKind.Roles).Select(c => c.Id).ToList();
        var holders = roleCourses.Count == 0 ? [] : await Shared.AudienceCounts.RoleHoldersAsync(
            db, db.CourseAudiences.Where(au => roleCourses.Contains(au.CourseId)).Select(au => new Shared.AudienceRole { OwnerId = au.CourseId, Role = au.Role }), today, cancellationToken);

        var current = courses.Count == 0 ? [] : (await db.TrainingCompletions.AsNoTracking()
                .Where(CurrentOn(courses, today))
                .Where(c => !roleCourses.Contains(c.CourseId) || db.CourseAudiences.Any(au => au.CourseId == c.CourseId && au.Role != null
                    && db.RoleAssignments.Any(a => a.PersonId == c.PersonId && a.Role == au.Role && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))))
                .Select(c => new { c.CourseId, c.PersonId })
                .Distinct()
                .Join(db.People.Where(p => p.IsActive), c => c.PersonId, p => p.Id, (c, p) => new { c.CourseId, p.UnitId })
                .GroupBy(x => new { x.CourseId, x.UnitId })
                .Select(g => new { g.Key.CourseId, g.Key.UnitId, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => (x.CourseId, x.UnitId), x => x.Count);
        return new TrainingCounts(people, holders, current);
    }

    /// <summary>
    /// A completion of one of the courses that is current today: on or after its course's cut-off (courses with the
    /// same repeat interval share a test), and not in the future. One OR of a few terms, so one query.
    /// </summary>
    private static Expression<Func<TrainingCompletion, bool>> CurrentOn(IEnumerable<TrainingCourse> courses, DateOnly today)
    {
        var c = Expression.Parameter(typeof(TrainingCompletion), "c");
        var courseId = Expression.Property(c, nameof(TrainingCompletion.CourseId));
        var completedOn = Expression.Property(c, nameof(TrainingCompletion.CompletedOn));
        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(Guid));
        Expression? any = null;
        foreach (var group in courses.GroupBy(x => TrainingCourse.CurrentFrom(x.RepeatMonths, today)))
        {
            var test = Expression.AndAlso(
                Expression.Call(contains, Expression.Constant(group.Select(x => x.Id).ToList()), courseId),
                Expression.GreaterThanOrEqual(completedOn, Expression.Constant(group.Key)));
            any = any is null ? test : Expression.OrElse(any, test);
        }

        var notAhead = Expression.LessThanOrEqual(completedOn, Expression.Constant(today));
        return Expression.Lambda<Func<TrainingCompletion, bool>>(Expression.AndAlso(any ?? Expression.Constant(false), notAhead), c);
    }
}
