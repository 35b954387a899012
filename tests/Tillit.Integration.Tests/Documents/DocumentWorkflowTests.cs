using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Documents;

/// <summary>Writing and deciding documents through the API, on both databases.</summary>
[Collection(AppCollection.Name)]
public sealed class DocumentWorkflowTests(TillitApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<(Guid Document, Guid Version)> ForDecisionAsync(DocumentType type, string text = "# Text\n\nEtt stycke.")
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var created = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/documents", JsonSerializer.Serialize(new
        {
            type = type.ToString(),
            title = $"{type} {Guid.NewGuid():N}",
            ownerEmail = app.A.Accounts[Role.SecurityOfficer].Email,
            parentId = type == DocumentType.Routine ? app.A.GuidelineId : (Guid?)null,
            unitId = type == DocumentType.Routine ? app.A.UnitId : (Guid?)null,
            reviewIntervalMonths = 12,
            markdown = text,
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var version = await app.Seed.WithDbAsync(app.A.Id, db => db.DocumentVersions.Where(v => v.DocumentId == id).Select(v => new { v.Id, v.Version }).SingleAsync());
        var submitted = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/versions/{version.Id}/submit", $"{{\"version\":{version.Version}}}");
        Assert.Equal(HttpStatusCode.NoContent, submitted.StatusCode);
        return (id, version.Id);
    }

    private async Task<HttpResponseMessage> DecideAsync(Browser caller, Guid document, Guid version, bool major = true)
    {
        var current = await app.Seed.WithDbAsync(app.A.Id, db => db.DocumentVersions.Where(v => v.Id == version).Select(v => v.Version).SingleAsync());
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return await caller.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{document}/versions/{version}/decide", JsonSerializer.Serialize(new
        {
            body = "Beslutande",
            date = today,
            paragraph = "§ 9",
            registryNumber = "KS 2026/99",
            validFrom = today,
            majorChange = major,
            version = current,
        }));
    }

    private Task<DocumentStatus> StatusAsync(Guid version) =>
        app.Seed.WithDbAsync(app.A.Id, db => db.DocumentVersions.Where(v => v.Id == version).Select(v => v.Status).SingleAsync());

    [Theory]
    [InlineData(DocumentType.Policy, Role.SecurityOfficer)]
    [InlineData(DocumentType.Program, Role.SecurityOfficer)]
    [InlineData(DocumentType.Guideline, Role.MunicipalDirector)]
    [InlineData(DocumentType.Instruction, Role.MunicipalDirector)]
    [InlineData(DocumentType.Routine, Role.MunicipalDirector)]
    public async Task Only_the_authority_of_the_type_can_make_a_version_current(DocumentType type, Role authority)
    {
        var (document, version) = await ForDecisionAsync(type);

        foreach (var role in Roles.All.Where(r => r != authority))
        {
            var refused = await DecideAsync(await app.ApiAsync(app.A, role), document, version);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{role} deciding a {type}: {(int)refused.StatusCode}");
        }

        Assert.Equal(DocumentStatus.ForDecision, await StatusAsync(version));
        var decided = await DecideAsync(await app.ApiAsync(app.A, authority), document, version);
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        Assert.Equal(DocumentStatus.Current, await StatusAsync(version));
    }

    [Fact]
    public async Task A_recorded_delegate_of_the_director_decides_a_guideline_but_not_a_policy()
    {
        var account = await app.Seed.CreateAccountAsync(app.A, Role.Employee, secondFactor: false);
        await app.Seed.WithDbAsync(app.A.Id, async db =>
        {
            db.DecisionDelegations.Add(new DecisionDelegation(app.A.Id, account.PersonId, DecisionAuthority.Director, "KD 2026/55", DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1), null, app.A.Accounts[Role.MunicipalDirector].PersonId));
            return await db.SaveChangesAsync();
        });
        var delegate_ = new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(account) };

        var (policy, policyVersion) = await ForDecisionAsync(DocumentType.Policy);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(delegate_, policy, policyVersion)).StatusCode);

        var (guideline, guidelineVersion) = await ForDecisionAsync(DocumentType.Guideline);
        Assert.Equal(HttpStatusCode.NoContent, (await DecideAsync(delegate_, guideline, guidelineVersion)).StatusCode);
        var decidedBy = await app.Seed.WithDbAsync(app.A.Id, db => db.DocumentVersions.Where(v => v.Id == guidelineVersion).Select(v => v.DecidedById).SingleAsync());
        Assert.Equal(account.PersonId, decidedBy);
    }

    [Fact]
    public async Task Illegal_status_moves_are_refused_and_change_nothing()
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        var (document, version) = await ForDecisionAsync(DocumentType.Guideline);

        // For decision -> for decision.
        var stamp = await app.Seed.WithDbAsync(app.A.Id, db => db.DocumentVersions.Where(v => v.Id == version).Select(v => v.Version).SingleAsync());
        var again = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{document}/versions/{version}/submit", $"{{\"version\":{stamp}}}");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await DecideAsync(director, document, version)).StatusCode);

        // Current -> current, current -> for decision.
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(director, document, version)).StatusCode);
        stamp = await app.Seed.WithDbAsync(app.A.Id, db => db.DocumentVersions.Where(v => v.Id == version).Select(v => v.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{document}/versions/{version}/submit", $"{{\"version\":{stamp}}}")).StatusCode);
        Assert.Equal(DocumentStatus.Current, await StatusAsync(version));

        // A draft cannot be decided before it is sent for decision; a newer decided version supersedes the old.
        var docVersion = await app.Seed.WithDbAsync(app.A.Id, db => db.Documents.Where(d => d.Id == document).Select(d => d.Version).SingleAsync());
        var draft = await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/documents/{document}/draft", JsonSerializer.Serialize(new
        {
            title = "Ändrad riktlinje",
            ownerEmail = app.A.Accounts[Role.SecurityOfficer].Email,
            reviewIntervalMonths = 12,
            markdown = "# Text\n\nNytt stycke.",
            version = docVersion,
        }));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var v2 = JsonDocument.Parse(await draft.Content.ReadAsStringAsync()).RootElement.GetProperty("versionId").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(director, document, v2)).StatusCode);
        Assert.Equal(DocumentStatus.Draft, await StatusAsync(v2));

        stamp = await app.Seed.WithDbAsync(app.A.Id, db => db.DocumentVersions.Where(v => v.Id == v2).Select(v => v.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{document}/versions/{v2}/submit", $"{{\"version\":{stamp}}}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DecideAsync(director, document, v2)).StatusCode);
        Assert.Equal(DocumentStatus.Superseded, await StatusAsync(version));
        Assert.Equal(DocumentStatus.Current, await StatusAsync(v2));

        // The diff of the two decided versions, open to every reader.
        var employee = await app.ApiAsync(app.A, Role.Employee);
        var diff = await employee.GetAsync($"/api/v1/documents/{document}/diff?from=1&to=2");
        Assert.Equal(HttpStatusCode.OK, diff.StatusCode);
        var body = await diff.Content.ReadAsStringAsync();
        Assert.Contains("\"kind\":\"Removed\",\"text\":\"Ett\"", body.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Nytt", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_protected_until_decided_and_each_read_is_in_the_trail()
    {
        var (document, version) = await ForDecisionAsync(DocumentType.Guideline, "# Hemligt utkast\n\nInte beslutat.");
        var employee = await app.ApiAsync(app.A, Role.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/documents/{document}/versions/{version}")).StatusCode);
        var details = await (await employee.GetAsync($"/api/v1/documents/{document}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Inte beslutat", details, StringComparison.Ordinal);

        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        var read = await director.GetAsync($"/api/v1/documents/{document}/versions/{version}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("Inte beslutat", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var directorId = app.A.Accounts[Role.MunicipalDirector].PersonId;
        Assert.True(await app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditActions.Read && e.RecordType == "DocumentVersion" && e.RecordId == version.ToString("D") && e.ActorPersonId == directorId)));

        // Once decided, everyone reads it and no read is recorded.
        Assert.Equal(HttpStatusCode.NoContent, (await DecideAsync(director, document, version)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync($"/api/v1/documents/{document}/versions/{version}")).StatusCode);
    }

    [Fact]
    public async Task A_routine_without_a_central_parent_is_refused_with_a_field_error()
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var count = await app.Seed.WithDbAsync(app.A.Id, db => db.Documents.CountAsync());
        var response = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/documents", JsonSerializer.Serialize(new
        {
            type = "Routine",
            title = "Lokal rutin",
            ownerEmail = app.A.Accounts[Role.SecurityOfficer].Email,
            unitId = app.A.UnitId,
            markdown = "x",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("parentId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(count, await app.Seed.WithDbAsync(app.A.Id, db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task A_decided_version_is_a_tagged_pdf_for_everyone_with_its_title_language_and_only_safe_links()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Alla medarbetare ansvarar för att skydda information som de hanterar i sitt arbete.", 40));
        var text = "# Syfte\n\n" + paragraph + "\n\n## Ansvar\n\n- **Systemägaren** ansvarar\n- Förvaltningen *stödjer*\n\n"
            + "| Roll | Ansvar |\n|---|---|\n| Säkerhetssamordnare | Samordnar arbetet |\n\n"
            + "Läs [vägledningen](https://www.example.se/vagledning) och [inte detta](javascript:alert(1)).\n\n"
            + string.Join("\n\n", Enumerable.Repeat(paragraph, 6));
        var (document, version) = await ForDecisionAsync(DocumentType.Guideline, text);
        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        Assert.Equal(HttpStatusCode.NoContent, (await DecideAsync(director, document, version)).StatusCode);

        var employee = await app.SignInAsync(app.A.Accounts[Role.Employee]);
        var response = await employee.GetAsync($"/documents/{document}/versions/{version}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("inline", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var title = await app.Seed.WithDbAsync(app.A.Id, db => db.Documents.Where(d => d.Id == document).Select(d => d.Title).SingleAsync());
        Assert.Equal(title, pdf.Info.Title);
        Assert.True(pdf.PageCount >= 2, $"the long text should run over pages, got {pdf.PageCount}");
        var catalog = pdf.Internals.Catalog;
        Assert.Equal("sv-SE", catalog.Elements.GetString("/Lang"));
        Assert.NotNull(catalog.Elements.GetDictionary("/StructTreeRoot"));
        Assert.True(catalog.Elements.GetDictionary("/MarkInfo")?.Elements.GetBoolean("/Marked"), "a tagged PDF marks itself as such");
        var uris = pdf.Pages.Cast<PdfSharp.Pdf.PdfPage>()
            .SelectMany(p => p.Annotations.Cast<PdfSharp.Pdf.Annotations.PdfAnnotation>())
            .Select(a => a.Elements.GetDictionary("/A")?.Elements.GetString("/URI") ?? string.Empty)
            .ToList();
        Assert.Contains("https://www.example.se/vagledning", uris);
        Assert.DoesNotContain(uris, u => u.Contains("javascript", StringComparison.OrdinalIgnoreCase));

        // The API gives the same file.
        var api = await app.ApiAsync(app.A, Role.Employee);
        var fromApi = await api.GetAsync($"/api/v1/documents/{document}/versions/{version}/pdf");
        Assert.Equal(HttpStatusCode.OK, fromApi.StatusCode);
        Assert.Equal("application/pdf", fromApi.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_draft_as_pdf_is_refused_to_an_employee_and_its_read_by_a_draft_reader_is_in_the_trail()
    {
        var (document, version) = await ForDecisionAsync(DocumentType.Guideline, "# Utkast\n\nHemlig text.");
        var employee = await app.ApiAsync(app.A, Role.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/documents/{document}/versions/{version}/pdf")).StatusCode);

        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        var directorId = app.A.Accounts[Role.MunicipalDirector].PersonId;
        var response = await director.GetAsync($"/api/v1/documents/{document}/versions/{version}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditActions.Read && e.RecordType == "DocumentVersion" && e.RecordId == version.ToString("D") && e.ActorPersonId == directorId)));

        // Another organisation's document does not exist for this caller.
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/documents/{app.B.GuidelineId}/versions/{app.B.GuidelineVersionId}/pdf")).StatusCode);
    }
}
