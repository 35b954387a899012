using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Web.Infrastructure.Pdf;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>A version of a document as a PDF file, with its file name.</summary>
public sealed record DocumentPdf(string FileName, byte[] Content);

/// <summary>
/// One version of a governing document as a tagged PDF: the same access and read audit as its page
/// (<see cref="DocumentQueries.GetVersionAsync"/>), the decision record under the title, and a notice
/// on a version that is no longer in force.
/// </summary>
public sealed class DocumentPdfQueries(DocumentQueries queries, TillitDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<DocumentPdf>> GetAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetVersionAsync(id, versionId, cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.Kind == OutcomeKind.Forbidden ? Outcome<DocumentPdf>.Forbidden() : Outcome<DocumentPdf>.NotFound();
        }

        var (document, version) = outcome.Value;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var culture = CultureInfo.CurrentUICulture;
        string Date(DateOnly? date) => date?.ToString("d", culture) ?? "–";
        var decision = version.Decision;
        var facts = new List<PdfFact>
        {
            new(l["Document.Type"], l["DocumentType." + document.Type]),
            new(l["Document.Status"], l["DocumentStatus." + version.Status] + ", " + l["Document.VersionNumber", version.Number]),
        };
        if (decision.Date is not null)
        {
            facts.Add(new(l["Document.DecisionBody"], decision.Body + (decision.DecidedBy is { } by ? " (" + by + ")" : string.Empty)));
            facts.Add(new(l["Document.DecisionDate"], Date(decision.Date)));
            facts.Add(new(l["Document.DecisionParagraph"], decision.Paragraph ?? "–"));
            facts.Add(new(l["Document.RegistryNumber"], decision.RegistryNumber ?? "–"));
            facts.Add(new(l["Document.ValidFrom"], Date(decision.ValidFrom)));
        }

        var notice = version.Status switch
        {
            DocumentStatus.Superseded or DocumentStatus.Revoked => l["Document.NotInForce." + version.Status, Date(version.EndedOn)].Value,
            DocumentStatus.Draft or DocumentStatus.ForDecision => l["Document.ProtectedDraft"].Value,
            _ => null,
        };
        var content = new PdfContent(
            document.Title,
            "sv-SE",
            organisation,
            notice,
            l["Document.Decision"],
            facts,
            version.Markdown,
            l["Pdf.PageLabel"]);
        var name = string.Concat(document.Title.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')).Trim('-');
        return Outcome<DocumentPdf>.Ok(new DocumentPdf($"{name}-v{version.Number}.pdf", MarkdownPdf.Write(content)));
    }
}
