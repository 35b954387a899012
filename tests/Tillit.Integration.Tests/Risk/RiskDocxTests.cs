using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Risk;

/// <summary>
/// The risk analysis as a Word document (/risk/{id}/docx) and a tagged PDF (/risk/{id}/pdf), on both databases: what the document holds, parsed with the
/// Open XML SDK, the export in the audit trail, and the analysis's need to know (the same as its page).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RiskDocxTests(TillitApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_word_document_has_the_title_real_headings_a_header_row_and_the_risk_and_its_export_is_in_the_trail()
    {
        var org = await app.Seed.CreateOrganisationAsync("rdx" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var title = await app.Seed.WithDbAsync(org.Id, db => db.RiskAnalyses.Where(a => a.Id == org.RiskAnalysisId).Select(a => a.Title).SingleAsync());
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);

        // The analysis's page links to the document.
        var (_, page) = await officer.GetPageAsync($"/risk/{org.RiskAnalysisId}");
        Assert.Contains($"href=\"/risk/{org.RiskAnalysisId}/docx\"", page, StringComparison.Ordinal);

        var response = await officer.GetAsync($"/risk/{org.RiskAnalysisId}/docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);

        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(title, word.PackageProperties.Title);
        var invalid = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        var body = word.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, p.InnerText))
            .Where(p => p.Style?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(("Heading1", title), headings[0]);
        Assert.Contains(("Heading2", "Om analysen"), headings);
        Assert.Contains(("Heading2", "Risker (1)"), headings);
        Assert.Contains(("Heading2", "Värmekartor"), headings);
        Assert.Contains(("Heading3", "Före åtgärder"), headings);
        Assert.Contains(("Heading3", "Kvarstående efter åtgärder"), headings);

        // The heading styles exist, and the document's language is Swedish.
        var styles = word.MainDocumentPart.StyleDefinitionsPart!.Styles!;
        Assert.Contains(styles.Elements<Style>(), s => s.StyleId?.Value == "Heading1");
        Assert.Equal("sv-SE", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);

        // Three tables: risks, inherent and residual heat maps; each first row a marked header row.
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        var riskRow = tables[0].Elements<TableRow>().Skip(1).Single();
        var cells = riskRow.Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Svaga lösenord", cells[1], StringComparison.Ordinal);
        Assert.Contains("ett konto kapas", cells[1], StringComparison.Ordinal);
        Assert.Contains("journaler röjs", cells[1], StringComparison.Ordinal);
        Assert.Equal("12 Hög", cells[6]);

        // The inherent map: likelihood 3 is the second row, consequence 4 the fifth column, and holds the one risk.
        var inherent = tables[1].Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal("Sannolikhet 3", inherent[1][0]);
        Assert.Equal("1 (Hög)", inherent[1][4]);
        Assert.Equal("0 (Extremt hög)", inherent[0][4]);

        // The export is in the trail, once, naming the analysis.
        var exports = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking().CountAsync(e =>
            e.Action == AuditActions.Export && e.RecordType == "RiskAnalysis" && e.RecordId == org.RiskAnalysisId.ToString("D")
            && e.ActorPersonId == org.Accounts[Role.SecurityOfficer].PersonId));
        Assert.Equal(1, exports);
    }

    [Fact]
    public async Task The_pdf_is_tagged_in_swedish_with_a_heading_and_a_table_per_risk_and_its_export_is_in_the_trail()
    {
        var org = await app.Seed.CreateOrganisationAsync("rpd" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var title = await app.Seed.WithDbAsync(org.Id, db => db.RiskAnalyses.Where(a => a.Id == org.RiskAnalysisId).Select(a => a.Title).SingleAsync());
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);

        var (_, page) = await officer.GetPageAsync($"/risk/{org.RiskAnalysisId}");
        Assert.Contains($"href=\"/risk/{org.RiskAnalysisId}/pdf\"", page, StringComparison.Ordinal);

        var response = await officer.GetAsync($"/risk/{org.RiskAnalysisId}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using (var pdf = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            Assert.Equal(title, pdf.Info.Title);
            Assert.Equal("sv-SE", pdf.Internals.Catalog.Elements.GetString("/Lang"));
            var tags = PdfStructure.Tags(pdf);
            Assert.Equal(1, tags.Count(t => t == "/H1"));

            // The facts, the risks and the heat maps as second-level headings; the one risk and both maps below them,
            // each over a table (the risk's assessment, the two maps).
            Assert.Equal(3, tags.Count(t => t == "/H2"));
            Assert.Equal(3, tags.Count(t => t == "/H3"));
            Assert.Equal(3, tags.Count(t => t == "/Table"));
            Assert.Contains("/TH", tags);
        }

        var exports = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.Export && e.RecordType == "RiskAnalysis" && e.RecordId == org.RiskAnalysisId.ToString("D"))
            .Select(e => e.Data).ToListAsync());
        var export = Assert.Single(exports);
        Assert.Contains("\"format\":\"pdf\"", export ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_employee_and_the_owner_of_another_system_cannot_download_it_and_its_own_owner_can()
    {
        var org = await app.Seed.CreateOrganisationAsync("rdx" + Guid.NewGuid().ToString("N")[..6], [Role.MunicipalDirector, Role.Employee]);
        var otherSystem = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var system = new InformationSystem(org.Id, "Annat system", "Test", org.UnitId, SystemForm.Automated);
            db.InformationSystems.Add(system);
            await db.SaveChangesAsync();
            return system.Id;
        });
        var url = $"/risk/{org.RiskAnalysisId}/docx";
        var pdfUrl = $"/risk/{org.RiskAnalysisId}/pdf";

        // Refused as the analysis's page refuses them: the pages answer a refusal with the access-denied page.
        var employee = await app.SessionAsync(org, Role.Employee);
        AssertRefused(await employee.GetAsync(url));
        AssertRefused(await employee.GetAsync(pdfUrl));

        var (otherOwner, otherOwnerId) = await OwnerSessionAsync(org, otherSystem);
        AssertRefused(await otherOwner.GetAsync($"/risk/{org.RiskAnalysisId}"));
        AssertRefused(await otherOwner.GetAsync(url));
        AssertRefused(await otherOwner.GetAsync(pdfUrl));

        var (owner, ownerId) = await OwnerSessionAsync(org, org.SystemId);
        var allowed = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await allowed.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("ett konto kapas", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);

        // Only the allowed download is an export in the trail.
        var exporters = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.Export && e.RecordType == "RiskAnalysis" && e.RecordId == org.RiskAnalysisId.ToString("D"))
            .Select(e => e.ActorPersonId).ToListAsync());
        Assert.Equal(new Guid?[] { ownerId }, exporters);
        Assert.DoesNotContain(otherOwnerId, exporters);
    }

    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            Assert.StartsWith("/account/access-denied", Browser.RedirectTarget(response), StringComparison.Ordinal);
        }
    }

    /// <summary>A new person appointed owner of the system by the director, signed in to the pages.</summary>
    private async Task<(Browser Session, Guid PersonId)> OwnerSessionAsync(TestOrganisation org, Guid system)
    {
        var account = await app.Seed.CreateAccountAsync(org, null, false);
        var appointed = await (await app.ApiAsync(org, Role.MunicipalDirector)).SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/owner", $$"""{"personId":"{{account.PersonId}}","decisionReference":"KD {{Today.Year}}/7"}""");
        Assert.Equal(HttpStatusCode.Created, appointed.StatusCode);
        return (await app.SignInAsync(account), account.PersonId);
    }
}
