using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Incidents;
using Tillit.Domain.Register;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Incidents;

/// <summary>
/// The statistics page and its Excel export (issue 6 part 5) count exactly the incidents seeded in known
/// months, categories, units and severities, with time to close and deadlines met; a handler sees only
/// their own part (never a policy violation); an employee none; the export is in the audit trail.
/// Each test has its own organisation, so nothing else is counted; on both databases.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StatisticsTests(TillitApp app)
{
    private static readonly Role[] Roles = [Role.SecurityOfficer, Role.MunicipalDirector, Role.ItManager, Role.Employee];

    [Fact]
    public async Task The_security_officer_sees_the_year_per_month_category_severity_unit_time_and_deadlines()
    {
        var org = await SeedAsync();
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        var (response, html) = await officer.GetPageAsync("/incidents/statistics?year=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = WebUtility.HtmlDecode(html);

        Assert.Contains("Rapporterade händelser 2025: 7", body, StringComparison.Ordinal);
        Assert.Equal(2, Cell(body, "Januari 2025"));
        Assert.Equal(0, Cell(body, "Februari 2025"));
        Assert.Equal(2, Cell(body, "Mars 2025"));
        Assert.Equal(1, Cell(body, "Juni 2025"));
        Assert.Equal(1, Cell(body, "Juli 2025"));
        Assert.Equal(1, Cell(body, "Augusti 2025"));
        Assert.Equal(0, Cell(body, "December 2025"));

        Assert.Equal(2, Cell(body, "Nätfiske"));
        Assert.Equal(1, Cell(body, "Regelbrott"));
        Assert.Equal(2, Cell(body, "Inte bedömd än", occurrence: 0));
        Assert.Equal(2, Cell(body, "1 Måttlig"));
        Assert.Equal(1, Cell(body, "4 Synnerligen allvarlig"));
        Assert.Equal(4, Cell(body, "Socialförvaltningen"));
        Assert.Equal(2, Cell(body, "Äldreomsorgen"));
        Assert.Equal(1, Cell(body, "Ingen enhet"));

        // Closed after 2, 10 and ½ days: median 2, average 4.2.
        Assert.Matches("id=\"stats-closed\">3<", body);
        Assert.Matches("id=\"stats-median\">2,0<", body);
        Assert.Matches("id=\"stats-average\">4,2<", body);
        Assert.Equal(1, Cell(body, "Högst 1 dag"));
        Assert.Equal(1, Cell(body, "2–7 dagar"));
        Assert.Equal(1, Cell(body, "8–30 dagar"));

        Assert.Equal([1, 1, 0], Deadline(body, "Anmälan till IMY (72 timmar)"));
        Assert.Equal([0, 2, 0], Deadline(body, "Tidig varning (24 timmar)"));
        Assert.Equal([1, 1, 0], Deadline(body, "Incidentanmälan (72 timmar)"));
        Assert.Equal([1, 1, 0], Deadline(body, "Slutrapport (en månad)"));
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);

        // The view is one list event in the trail.
        Assert.True(await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditActions.List && e.RecordType == "Incident" && e.Data!.Contains("statistics;year=2025"))));

        // The last twelve months: the running IMY deadline of yesterday's breach is open.
        var (_, recent) = await officer.GetPageAsync("/incidents/statistics");
        Assert.Equal([0, 0, 1], Deadline(WebUtility.HtmlDecode(recent), "Anmälan till IMY (72 timmar)"));
    }

    [Fact]
    public async Task The_export_holds_the_same_figures_sheet_by_sheet_and_is_in_the_audit_trail()
    {
        var org = await SeedAsync();
        var director = await app.SessionAsync(org, Role.MunicipalDirector);
        var response = await director.GetAsync("/incidents/statistics?handler=export&year=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var sheets = ReadXlsx(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(["Per månad", "Per kategori", "Per allvarlighet", "Per enhet", "Tid till avslut", "Tidsfrister"], sheets.Keys);
        Assert.Equal(["Månad", "Antal"], sheets["Per månad"][0]);
        Assert.Equal(12, sheets["Per månad"].Count - 1);
        Assert.Equal(["2025-01", "2"], sheets["Per månad"][1]);
        Assert.Equal(["2025-03", "2"], sheets["Per månad"][3]);
        Assert.Equal(["2025-12", "0"], sheets["Per månad"][12]);
        Assert.Contains(["Nätfiske", "2"], sheets["Per kategori"]);
        Assert.Contains(["Regelbrott", "1"], sheets["Per kategori"]);
        Assert.Contains(["4 Synnerligen allvarlig", "1"], sheets["Per allvarlighet"]);
        Assert.Equal(["Socialförvaltningen", "4"], sheets["Per enhet"][1]);
        Assert.Contains(["Ingen enhet", "1"], sheets["Per enhet"]);
        Assert.Contains(["Avslutade händelser", "3"], sheets["Tid till avslut"]);
        Assert.Contains(["Median, dagar", "2"], sheets["Tid till avslut"]);
        Assert.Contains(["Medelvärde, dagar", "4.2"], sheets["Tid till avslut"]);
        Assert.Equal(["Tidsfrist", "I tid", "Missad", "Pågår"], sheets["Tidsfrister"][0]);
        Assert.Contains(["Tidig varning (24 timmar)", "0", "2", "0"], sheets["Tidsfrister"]);

        var export = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.Export && e.RecordType == "Incident").Select(e => e.Data).SingleAsync());
        Assert.Contains("statistics;year=2025", export, StringComparison.Ordinal);

        // A year outside what can be asked for: a clear message on the page, no file.
        var (page, wrong) = await director.GetPageAsync("/incidents/statistics?year=1800");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Välj ett år mellan 2000 och", WebUtility.HtmlDecode(wrong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await director.GetAsync("/incidents/statistics?handler=export&year=1800")).StatusCode);
    }

    [Fact]
    public async Task A_handler_sees_only_their_own_part_without_policy_violations_and_an_employee_nothing()
    {
        var org = await SeedAsync();
        var handler = await app.SessionAsync(org, Role.ItManager);
        var (response, html) = await handler.GetPageAsync("/incidents/statistics?year=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = WebUtility.HtmlDecode(html);

        // Assigned the phishing of January and a policy violation: only the phishing is counted, and the
        // policy violation category is not even shown.
        Assert.Contains("Rapporterade händelser 2025: 1", body, StringComparison.Ordinal);
        Assert.Contains("Regelbrott ingår inte", body, StringComparison.Ordinal);
        Assert.Equal(1, Cell(body, "Nätfiske"));
        Assert.Null(CellOrNull(body, "Regelbrott"));
        Assert.Equal(0, Cell(body, "Mars 2025"));
        Assert.Equal(1, Cell(body, "Januari 2025"));

        var export = ReadXlsx(await (await handler.GetAsync("/incidents/statistics?handler=export&year=2025")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(export["Per kategori"], r => r[0] == "Regelbrott");
        Assert.Equal(["2025-03", "0"], export["Per månad"][3]);

        // An employee is refused: the page sends the browser to access-denied, which answers 403.
        var employee = await app.SessionAsync(org, Role.Employee);
        foreach (var url in new[] { "/incidents/statistics?year=2025", "/incidents/statistics?handler=export&year=2025" })
        {
            var refused = await employee.GetAsync(url);
            var target = Browser.RedirectTarget(refused);
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect && target?.StartsWith("/account/access-denied", StringComparison.Ordinal) == true, Calls.Describe(refused));
            Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync(target!)).StatusCode);
        }
    }

    [Fact]
    public async Task The_page_and_the_export_send_a_bounded_number_of_sql_commands_whatever_the_number_of_incidents()
    {
        var org = await SeedAsync();
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        string[] urls = ["/incidents/statistics?year=2025", "/incidents/statistics", "/incidents/statistics?handler=export&year=2025"];
        var small = await CommandsAsync(officer, urls);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var reporter = org.Accounts[Role.Employee].PersonId;
            var officerId = org.Accounts[Role.SecurityOfficer].PersonId;
            for (var n = 0; n < 300; n++)
            {
                var reported = new DateTime(2025, 1 + (n % 12), 1 + (n % 28), 8, 0, 0, DateTimeKind.Utc);
                var incident = new Incident(org.Id, 2025, 1000 + n, reporter, n % 3 == 0 ? org.SectionUnitId : org.UnitId, "Mängd " + n, reported, false, reported);
                incident.Triage((IncidentCategory)(n % 10), (ConsequenceLevel)(n % 5), AffectedAspects.None, null, reported.AddHours(1), officerId);
                if (n % 4 == 0)
                {
                    incident.MarkPersonalDataBreach(true, new BreachDetails(null, null, null, null, null, null), reported.AddHours(1), officerId);
                }

                db.Incidents.Add(incident);
            }

            return await db.SaveChangesAsync();
        });
        var large = await CommandsAsync(officer, urls);
        var report = string.Join("; ", urls.Select(u => $"{u}: {small[u]} → {large[u]}"));
        Assert.True(small.Values.Concat(large.Values).All(n => n is > 0 and <= Budget), $"over the budget of {Budget}: {report}");
        Assert.True(urls.All(u => small[u] == large[u]), $"the number of commands grows with the data: {report}");
    }

    private const int Budget = 10;

    private static async Task<Dictionary<string, int>> CommandsAsync(Browser browser, string[] urls)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            await browser.GetAsync(url);
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, Calls.Describe(response));
            Assert.True(response.Headers.TryGetValues(Tillit.Web.Infrastructure.SqlCommandCounter.HeaderName, out var values), "no command count header");
            counts[url] = int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>
    /// Seven events reported in 2025 (and one on each side of the year): January phishing ×2 (one closed after
    /// 2 days, one after 10 and significant with no report sent), March malware (open) and a policy violation
    /// (closed after half a day), June untriaged without unit, July outage (breach and significant: IMY and
    /// notification in time, early warning late, final report in time), August untriaged breach (IMY never sent);
    /// and yesterday's breach with its IMY clock running.
    /// </summary>
    private async Task<TestOrganisation> SeedAsync()
    {
        var org = await app.Seed.CreateOrganisationAsync("sta" + Guid.NewGuid().ToString("N")[..8], Roles);
        var reporter = org.Accounts[Role.Employee].PersonId;
        var officer = org.Accounts[Role.SecurityOfficer].PersonId;
        var handler = org.Accounts[Role.ItManager].PersonId;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var number = 100;
            Incident New(DateTime reported, Guid? unit)
            {
                var incident = new Incident(org.Id, reported.Year, number++, reporter, unit, "Händelse " + number, reported.AddHours(-1), false, reported);
                db.Incidents.Add(incident);
                return incident;
            }

            void Close(Incident incident, DateTime at)
            {
                incident.StartInvestigation(at.AddMinutes(-10), officer);
                incident.RecordConclusion("Lärdom", MeasuresDecision.NoneNeeded, null, at.AddMinutes(-5), officer);
                incident.Close(at, officer);
            }

            static DateTime Utc(int month, int day, int hour = 9) => new(2025, month, day, hour, 0, 0, DateTimeKind.Utc);

            var first = New(Utc(1, 10), org.UnitId);
            first.Triage(IncidentCategory.Phishing, ConsequenceLevel.Moderate, AffectedAspects.None, null, Utc(1, 10, 10), officer);
            first.Assign(handler, Utc(1, 10, 10), officer);
            Close(first, Utc(1, 12));

            var second = New(Utc(1, 20), org.UnitId);
            second.Triage(IncidentCategory.Phishing, ConsequenceLevel.Serious, AffectedAspects.None, null, Utc(1, 20, 10), officer);
            second.MarkSignificant(true, Utc(1, 20, 10), officer);
            Close(second, Utc(1, 30));

            var malware = New(Utc(3, 5), org.SectionUnitId);
            malware.Triage(IncidentCategory.Malware, ConsequenceLevel.Moderate, AffectedAspects.None, null, Utc(3, 5, 10), officer);
            malware.StartInvestigation(Utc(3, 5, 11), officer);

            var violation = New(Utc(3, 6), org.SectionUnitId);
            violation.Triage(IncidentCategory.PolicyViolation, ConsequenceLevel.Significant, AffectedAspects.None, null, Utc(3, 6, 10), officer);
            violation.Assign(handler, Utc(3, 6, 10), officer);
            Close(violation, Utc(3, 6, 21));

            New(Utc(6, 15), null);

            var outage = New(Utc(7, 1), org.UnitId);
            outage.Triage(IncidentCategory.Outage, ConsequenceLevel.VerySerious, AffectedAspects.Availability, null, Utc(7, 1, 10), officer);
            outage.MarkPersonalDataBreach(true, new BreachDetails("Kontaktuppgifter", null, 40, null, null, false), Utc(7, 1, 10), officer);
            outage.MarkSignificant(true, Utc(7, 1, 10), officer);
            outage.RecordSent(DeadlineKind.Imy, Utc(7, 3), Utc(7, 3), officer);
            outage.RecordSent(DeadlineKind.EarlyWarning, Utc(7, 2, 15), Utc(7, 2, 15), officer);
            outage.RecordSent(DeadlineKind.Notification, Utc(7, 3, 9), Utc(7, 3, 9), officer);
            outage.RecordSent(DeadlineKind.FinalReport, Utc(7, 20), Utc(7, 20), officer);

            var breach = New(Utc(8, 1), org.UnitId);
            breach.MarkPersonalDataBreach(true, new BreachDetails(null, null, null, null, null, null), Utc(8, 1, 10), officer);

            // Outside the year, on each side of it.
            New(new DateTime(2024, 12, 31, 23, 0, 0, DateTimeKind.Utc), org.UnitId);
            New(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), org.UnitId);

            var running = New(now.AddDays(-1), org.UnitId);
            running.MarkPersonalDataBreach(true, new BreachDetails(null, null, null, null, null, null), now.AddHours(-20), officer);
            return await db.SaveChangesAsync();
        });
        return org;
    }

    private static int Cell(string body, string label, int occurrence = 0) =>
        CellOrNull(body, label, occurrence) ?? throw new Xunit.Sdk.XunitException($"No row '{label}' in the page.");

    private static int? CellOrNull(string body, string label, int occurrence = 0)
    {
        var matches = Regex.Matches(body, "<th scope=\"row\">" + Regex.Escape(label) + "</th><td>(\\d+)</td>");
        return matches.Count > occurrence ? int.Parse(matches[occurrence].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static int[] Deadline(string body, string label)
    {
        var match = Regex.Match(body, "<th scope=\"row\">" + Regex.Escape(label) + "</th><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td>");
        Assert.True(match.Success, $"No deadline row '{label}'.");
        return [.. match.Groups.Values.Skip(1).Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static Dictionary<string, List<string[]>> ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<string[]>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            result[sheet.Name!.Value!] = [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? string.Empty).ToArray())];
        }

        return result;
    }
}
