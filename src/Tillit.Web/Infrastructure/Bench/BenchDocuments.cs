using System.Globalization;
using System.Text;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// The large municipality's governing documents (issue 7): 300 documents in the hierarchy (programs and policies
/// decided by the board, guidelines and instructions under them, action plans, and local routines of units under
/// a central document) with 1,000 versions in all. Each document's versions were decided one after the other
/// over the last years through the domain's methods (each decided version with its decision record, the one
/// before it superseded); one in five has a newer version being worked on, a few are revoked and a few were never
/// decided. Reviews are due a year after the last decision, and most overdue ones have been marked reviewed.
/// Campaigns ask everyone to confirm 25 central documents, each routine's unit its routine, and the managers two
/// instructions; twenty confirmations of current versions per person (1,000,000 for 50,000 people), spread over
/// the campaigns. Deterministic for a given plan, apart from the ids.
/// </summary>
internal sealed class BenchDocuments
{
    public const int Count = 300;
    public const int VersionCount = 1000;
    public const int AcknowledgementsPerPerson = 20;
    public const int EveryoneCampaigns = 25;
    public const int UnitCampaigns = 40;

    private static readonly (DocumentType Type, int Count, string Title)[] Kinds =
    [
        (DocumentType.Program, 2, "Program för {0}"),
        (DocumentType.Policy, 4, "Policy för {0}"),
        (DocumentType.Guideline, 40, "Riktlinje för {0}"),
        (DocumentType.Instruction, 70, "Instruktion för {0}"),
        (DocumentType.ActionPlan, 24, "Handlingsplan för {0}"),
        (DocumentType.Routine, 160, "Rutin för {0}"),
    ];

    private static readonly string[] Topics =
    [
        "informationssäkerhet", "informationsklassning", "behörigheter", "lösenord och inloggning", "säkerhetskopiering", "incidenthantering",
        "e-post och meddelanden", "mobila enheter", "molntjänster", "loggning och uppföljning", "kontinuitet", "leverantörer",
        "utskrifter", "distansarbete", "dataskydd", "arkiv och gallring", "fysisk säkerhet", "utbildning",
    ];

    private static readonly string[] Paragraphs =
    [
        "Varje medarbetare ansvarar för att hantera information enligt dess klassning och de regler som gäller för systemet.",
        "Chefen ser till att medarbetarna känner till dokumentet och får den utbildning som behövs.",
        "Avsteg från dokumentet får bara göras efter beslut och ska dokumenteras med skäl och giltighetstid.",
        "Systemägaren ansvarar för att kraven följs i de system som hen äger och för att brister förs in i handlingsplanen.",
        "Händelser som kan påverka informationssäkerheten rapporteras i Tillit så snart som möjligt.",
        "Dokumentet följs upp varje år och revideras vid behov.",
    ];

    private readonly Random _random = new(7070);
    private DateOnly _today;

    public List<GoverningDocument> Documents { get; } = [];

    public List<DocumentVersion> Versions { get; } = [];

    public List<AcknowledgementCampaign> Campaigns { get; } = [];

    public List<CampaignAudience> Audience { get; } = [];

    public List<Acknowledgement> Acknowledgements { get; } = [];

    public static BenchDocuments Build(BenchPlan plan, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new BenchDocuments();
        result.BuildFrom(plan, now);
        return result;
    }

    private void BuildFrom(BenchPlan plan, DateTime now)
    {
        var org = plan.Organisation.Id;
        var today = _today = plan.Today;
        var people = plan.People;
        var director = people[0].Id;
        var officer = plan.Assignments.FirstOrDefault(a => a.Role == Role.SecurityOfficer)?.PersonId ?? director;
        var byBoard = new DecisionMaker(officer, new HashSet<Role> { Role.SecurityOfficer }, new HashSet<DecisionAuthority>());
        var byDirector = new DecisionMaker(director, new HashSet<Role> { Role.MunicipalDirector }, new HashSet<DecisionAuthority>());

        // One head per unit comes first in the plan's people, in the units' order.
        var headOf = plan.Units.Select((u, i) => (u.Id, people[i].Id)).ToDictionary(x => x.Item1, x => x.Item2);
        var localUnits = plan.Units.Where(u => u.Kind is UnitKind.Section or UnitKind.Department).ToList();
        if (localUnits.Count == 0)
        {
            localUnits = plan.Units.Where(u => u.ParentId is not null).ToList();
        }

        // Parents before children: programs, policies, guidelines, instructions, action plans, then routines.
        var central = new Dictionary<DocumentType, List<GoverningDocument>>();
        var topic = 0;
        foreach (var (type, count, pattern) in Kinds)
        {
            central[type] = [];
            for (var i = 0; i < count; i++)
            {
                var subject = Topics[topic++ % Topics.Length];
                GoverningDocument? parent = type switch
                {
                    DocumentType.Policy or DocumentType.ActionPlan => Any(central[DocumentType.Program]),
                    DocumentType.Guideline => Any(central[DocumentType.Policy]),
                    DocumentType.Instruction => Any(central[DocumentType.Guideline]),
                    DocumentType.Routine => Any(_random.Next(2) == 0 ? central[DocumentType.Guideline] : central[DocumentType.Instruction]),
                    _ => null,
                };
                var unit = type == DocumentType.Routine && localUnits.Count > 0 ? localUnits[_random.Next(localUnits.Count)] : null;
                if (type == DocumentType.Routine && (unit is null || parent is null))
                {
                    continue;
                }

                var title = string.Format(CultureInfo.InvariantCulture, pattern, subject)
                    + (unit is null ? string.Empty : " inom " + unit.Name)
                    + (i >= Topics.Length ? string.Create(CultureInfo.InvariantCulture, $" ({i / Topics.Length + 1})") : string.Empty);
                var document = new GoverningDocument(org, type, title, unit is null ? officer : headOf[unit.Id], parent, unit?.Id);
                if (type is DocumentType.Program or DocumentType.ActionPlan)
                {
                    document.SetReviewInterval(type == DocumentType.Program ? 48 : 24);
                }

                Documents.Add(document);
                if (type != DocumentType.Routine)
                {
                    central[type].Add(document);
                }
            }
        }

        // Versions: a few documents were never decided (one version each); the rest share what is left.
        var neverDecided = Documents.Where((_, i) => i % 20 == 19).ToHashSet();
        var decidedDocuments = Documents.Count - neverDecided.Count;
        var rest = Math.Max(0, VersionCount - neverDecided.Count);
        var index = 0;
        foreach (var document in Documents)
        {
            var bodyText = Text(document);
            if (neverDecided.Contains(document))
            {
                var draft = document.AddDraft(bodyText, now.AddDays(-_random.Next(1, 90)), document.OwnerId);
                if (_random.Next(2) == 0)
                {
                    draft.SubmitForDecision();
                }

                Versions.AddRange(document.Versions);
                continue;
            }

            var versions = (rest / decidedDocuments) + (index++ < rest % decidedDocuments ? 1 : 0);
            var open = versions > 1 && _random.Next(5) == 0;
            var decided = open ? versions - 1 : versions;
            var maker = DocumentAuthority.For(document.Type) == DecisionAuthority.Board ? byBoard : byDirector;

            // Decided one after the other: the last 20 to 700 days ago, each earlier one 120 to 400 days before it.
            var dates = new DateOnly[decided];
            dates[^1] = today.AddDays(-20 - _random.Next(680));
            for (var k = decided - 2; k >= 0; k--)
            {
                dates[k] = dates[k + 1].AddDays(-120 - _random.Next(280));
            }

            for (var k = 0; k < decided; k++)
            {
                var created = dates[k].AddDays(-20 - _random.Next(40)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                var version = document.AddDraft(bodyText + Revision(k), created, document.OwnerId);
                version.SubmitForDecision();
                var year = dates[k].Year.ToString(CultureInfo.InvariantCulture);
                var record = maker == byBoard
                    ? new DecisionRecord("Kommunstyrelsen", dates[k], string.Create(CultureInfo.InvariantCulture, $"§ {10 + _random.Next(250)}"), string.Create(CultureInfo.InvariantCulture, $"KS {year}/{_random.Next(1, 999):0000}"), dates[k].AddDays(_random.Next(15)), _random.Next(2) == 0)
                    : new DecisionRecord("Kommundirektören", dates[k], null, string.Create(CultureInfo.InvariantCulture, $"KS {year}/{_random.Next(1, 999):0000}"), dates[k].AddDays(_random.Next(15)), _random.Next(3) == 0);
                document.Decide(version, record, maker, dates[k].ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc).AddDays(_random.Next(3)));
            }

            if (open)
            {
                var draft = document.AddDraft(bodyText + Revision(decided) + "\n\nUtkast till ändring: avsnittet om uppföljning skrivs om.\n", now.AddDays(-_random.Next(1, 60)), document.OwnerId);
                if (_random.Next(2) == 0)
                {
                    draft.SubmitForDecision();
                }
            }
            else if (_random.Next(40) == 0 && document.Type is DocumentType.Instruction or DocumentType.Routine)
            {
                document.Revoke(maker, today.AddDays(-_random.Next(1, 100)));
            }

            // An overdue review is mostly done: reviewed without change some months ago.
            if (document.NextReview is { } due && due < today && _random.Next(10) < 7)
            {
                document.MarkReviewed(today.AddDays(-_random.Next(0, 150)));
            }

            Versions.AddRange(document.Versions);
        }

        BuildAcknowledgements(plan, officer, now);
    }

    private void BuildAcknowledgements(BenchPlan plan, Guid officer, DateTime now)
    {
        var people = plan.People;
        var target = (long)people.Count * AcknowledgementsPerPerson;
        var withCurrent = Documents.Where(d => d.Current is not null).ToList();
        var everyone = withCurrent.Where(d => d.Type is DocumentType.Program or DocumentType.Policy or DocumentType.Guideline)
            .Concat(withCurrent.Where(d => d.Type == DocumentType.Instruction))
            .Take(EveryoneCampaigns).ToList();
        var forManagers = withCurrent.Where(d => d.Type == DocumentType.Instruction && !everyone.Contains(d)).Take(2).ToList();
        var routines = withCurrent.Where(d => d.Type == DocumentType.Routine).Take(UnitCampaigns).ToList();

        // The unit campaigns: three in four of the unit's people (sub-units included) confirm.
        var unitPath = plan.Units.ToDictionary(u => u.Id, u => u.Path);
        foreach (var routine in routines)
        {
            var campaign = Start(routine, AudienceKind.Units, [routine.UnitId!.Value], [], officer);
            var path = unitPath[routine.UnitId!.Value];
            foreach (var person in people.Where(p => unitPath[p.UnitId].StartsWith(path, StringComparison.Ordinal)))
            {
                if (_random.Next(4) != 0)
                {
                    Confirm(person.Id, routine, campaign, now);
                }
            }
        }

        // The managers (the heads of units, first in the plan's people): four in five confirm.
        foreach (var instruction in forManagers)
        {
            var campaign = Start(instruction, AudienceKind.Roles, [], [Role.Manager], officer);
            for (var i = 1; i < plan.Units.Count; i++)
            {
                if (_random.Next(5) != 0)
                {
                    Confirm(people[i].Id, instruction, campaign, now);
                }
            }
        }

        // Everyone: the rest of the confirmations spread evenly over these campaigns, distinct people per document.
        if (everyone.Count == 0)
        {
            return;
        }

        var left = Math.Max(0, target - Acknowledgements.Count);
        Acknowledgements.Capacity = (int)Math.Min(int.MaxValue, Acknowledgements.Count + left);
        for (var c = 0; c < everyone.Count; c++)
        {
            var document = everyone[c];
            var campaign = Start(document, AudienceKind.Everyone, [], [], officer);
            var share = (int)Math.Min(people.Count, (left / (everyone.Count - c)) + (c < left % everyone.Count ? 1 : 0));
            var offset = _random.Next(people.Count);
            for (var j = 0; j < share; j++)
            {
                Confirm(people[(offset + j) % people.Count].Id, document, campaign, now);
            }

            left -= share;
        }
    }

    /// <summary>A campaign started some days after the version became valid, with one to three months to confirm.</summary>
    private AcknowledgementCampaign Start(GoverningDocument document, AudienceKind kind, IReadOnlyCollection<Guid> units, IReadOnlyCollection<Role> roles, Guid officer)
    {
        var version = document.Current!;
        var started = version.ValidFrom!.Value.AddDays(_random.Next(1, 15));
        if (started >= _today)
        {
            started = _today.AddDays(-1);
        }
        var campaign = AcknowledgementCampaign.Start(document, version, kind, units, roles, started, started.AddDays(30 + _random.Next(60)), officer);
        Campaigns.Add(campaign);
        Audience.AddRange(campaign.Audience);
        return campaign;
    }

    /// <summary>A confirmation some time between the campaign's start and now, mostly before its last day.</summary>
    private void Confirm(Guid personId, GoverningDocument document, AcknowledgementCampaign campaign, DateTime now)
    {
        var from = campaign.StartedOn.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
        var until = campaign.DueDate.AddDays(_random.Next(8) == 0 ? 60 : 0).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
        if (until > now)
        {
            until = now;
        }

        var at = until > from ? from.AddTicks((long)(_random.NextDouble() * (until - from).Ticks)) : now;
        Acknowledgements.Add(new Acknowledgement(document.OrganisationId, personId, document.Current!, at));
    }

    private GoverningDocument? Any(List<GoverningDocument> documents) => documents.Count == 0 ? null : documents[_random.Next(documents.Count)];

    private string Text(GoverningDocument document)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(document.Title).Append("\n\n## Syfte\n\n")
            .Append("Dokumentet beskriver hur kommunen arbetar med ").Append(document.Title.ToLower(CultureInfo.GetCultureInfo("sv-SE"))).Append(".\n\n## Omfattning\n\n")
            .Append("Gäller alla förvaltningar och bolag, anställda och uppdragstagare.\n\n## Regler\n\n");
        for (var i = 0; i < 4 + _random.Next(5); i++)
        {
            text.Append("- ").Append(Paragraphs[_random.Next(Paragraphs.Length)]).Append('\n');
        }

        text.Append("\n| Roll | Ansvar |\n|---|---|\n| Systemägare | Kraven följs i systemet |\n| Chef | Medarbetarna känner till dokumentet |\n\n## Uppföljning\n\n")
            .Append(Paragraphs[^1]).Append('\n');
        return text.ToString();
    }

    private static string Revision(int number) => number == 0
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"\n## Ändringar i version {number + 1}\n\nAvsnittet om regler är förtydligat efter årets uppföljning.\n");
}
