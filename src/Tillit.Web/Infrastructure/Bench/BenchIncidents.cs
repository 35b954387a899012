using System.Globalization;
using Tillit.Domain.Access;
using Tillit.Domain.Incidents;
using Tillit.Domain.Measures;
using Tillit.Domain.Register;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// The large municipality's incidents (issue 6): three reports a year per five people (30,000 for 50,000 people)
/// spread evenly over the last three years and numbered per year in the order they came in, each by a person of
/// the staff from their unit. Every one goes as far through its life cycle as its age allows, through the
/// domain's methods (so the timeline entries are the ones handling writes): triaged by the security officer,
/// most assigned to a handler, investigated, closed with lessons and a decision on measures (one in three
/// decided measures in the action plan), or dismissed with a reason; the newest are still open. Two in three
/// concern a system (a few also an information set held in it); one in twenty is a personal data breach with
/// IMY's fields and the report sent (mostly within the 72 hours), about one in seventy a significant incident
/// with its early warning, notification and final report. A recent incident on a system marks that system's
/// current risk analysis for review. Deterministic for a given plan and register, apart from the ids.
/// </summary>
internal sealed class BenchIncidents
{
    /// <summary>Incidents per 1,000 people (600: 30,000 for 50,000).</summary>
    public const int PerThousandPeople = 600;

    private static readonly (IncidentCategory Category, int Weight, AffectedAspects Aspects, string Title, string Description)[] Kinds =
    [
        (IncidentCategory.Phishing, 25, AffectedAspects.Confidentiality, "Nätfiskemejl", "Ett mejl som såg ut att komma från IT bad mig logga in på en okänd sida. Jag klickade på länken."),
        (IncidentCategory.Malware, 8, AffectedAspects.Integrity | AffectedAspects.Availability, "Skadlig kod på dator", "Datorn blev långsam och antivirusprogrammet varnade för en fil i en bilaga."),
        (IncidentCategory.UnauthorisedAccess, 8, AffectedAspects.Confidentiality | AffectedAspects.Traceability, "Obehörig åtkomst", "En kollega som slutat kunde fortfarande logga in och har läst ärenden."),
        (IncidentCategory.MisdirectedInformation, 15, AffectedAspects.Confidentiality, "Felskickade uppgifter", "Ett beslut med personuppgifter skickades till fel mottagare via e-post."),
        (IncidentCategory.LossOrTheft, 10, AffectedAspects.Confidentiality | AffectedAspects.Availability, "Förlorad enhet", "Min jobbtelefon glömdes på bussen och har inte kommit tillbaka."),
        (IncidentCategory.Outage, 12, AffectedAspects.Availability, "Avbrott", "Systemet gick inte att nå under förmiddagen; vi fick arbeta på papper."),
        (IncidentCategory.IntegrityError, 8, AffectedAspects.Integrity, "Felaktiga uppgifter", "Uppgifter i ärendet hade ändrats och ingen vet av vem."),
        (IncidentCategory.PhysicalSecurity, 5, AffectedAspects.Confidentiality | AffectedAspects.Availability, "Olåst lokal", "Dörren till arkivet stod olåst över natten."),
        (IncidentCategory.PolicyViolation, 3, AffectedAspects.Confidentiality, "Regelbrott", "En anställd har delat sitt lösenord med en vikarie."),
        (IncidentCategory.Other, 6, AffectedAspects.None, "Övrig händelse", "Något verkade fel med inloggningen och jag ville rapportera det."),
    ];

    private static readonly string[] NoteTexts =
    [
        "Kontakt med leverantören; de utreder orsaken.", "Användaren har bytt lösenord.", "Loggarna är sparade för utredningen.",
        "Enhetschefen är informerad.", "Kontot är spärrat tills vidare.", "Säkerhetskopian är kontrollerad.",
    ];

    private static readonly string[] LessonTexts =
    [
        "Påminn om rutinen för e-post med känsliga uppgifter.", "Behörigheter ska tas bort samma dag som någon slutar.",
        "Reservrutinen fungerade men behöver finnas utskriven.", "Fler behöver utbildas i att känna igen nätfiske.",
        "Leverantörens larm nådde inte jouren; kontaktvägarna är uppdaterade.",
    ];

    private static readonly string[] DismissReasons =
    [
        "Ingen säkerhetshändelse: ett vanligt driftfel som redan var åtgärdat.", "Dubblett av en tidigare anmälan.", "Mejlet var legitimt.",
    ];

    private static readonly int[] SeverityWeights = [30, 35, 22, 10, 3];

    private readonly Random _random = new(6060);

    public List<Incident> Incidents { get; } = [];

    public List<IncidentEntry> Entries { get; } = [];

    public List<IncidentSystem> Systems { get; } = [];

    public List<IncidentSet> Sets { get; } = [];

    public List<IncidentSequence> Sequences { get; } = [];

    /// <summary>Measures in the action plan decided for incidents (origin Incident).</summary>
    public List<Measure> Measures { get; } = [];

    public static BenchIncidents Build(BenchPlan plan, BenchRegister register, BenchRisks risks, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(risks);
        var result = new BenchIncidents();
        result.BuildFrom(plan, register, risks, now);
        return result;
    }

    private void BuildFrom(BenchPlan plan, BenchRegister register, BenchRisks risks, DateTime now)
    {
        var org = plan.Organisation.Id;
        var people = plan.People;
        var director = people[0].Id;
        Guid Holder(Role role) => plan.Assignments.FirstOrDefault(a => a.Role == role)?.PersonId ?? director;
        var officer = Holder(Role.SecurityOfficer);
        var itManager = Holder(Role.ItManager);
        var dpo = Holder(Role.DataProtectionOfficer);
        var ownerOf = register.Owners.ToDictionary(o => o.ScopeId!.Value, o => o.PersonId);
        var systemsByUnit = register.Systems.ToLookup(s => s.UnitId);
        var setsBySystem = register.Holdings.ToLookup(h => h.SystemId, h => h.SetId);
        var count = Math.Max(10, people.Count * PerThousandPeople / 1000);
        var span = TimeSpan.FromDays(3 * 365).Ticks;

        // The report times first, so that numbers run per year in the order the reports came in.
        var times = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            times[i] = now.AddTicks(-(long)(_random.NextDouble() * span)).AddMinutes(-10);
        }

        Array.Sort(times);
        var sequences = new Dictionary<int, IncidentSequence>();
        var totalWeight = Kinds.Sum(k => k.Weight);
        foreach (var reported in times)
        {
            var reporter = people[_random.Next(people.Count)];
            var kind = Pick(totalWeight);
            var personalData = kind.Category is IncidentCategory.MisdirectedInformation or IncidentCategory.LossOrTheft || _random.Next(6) == 0;
            if (!sequences.TryGetValue(reported.Year, out var sequence))
            {
                sequences[reported.Year] = sequence = new IncidentSequence(org, reported.Year);
                Sequences.Add(sequence);
            }

            var incident = new Incident(org, reported.Year, sequence.Next(), reporter.Id, reporter.UnitId, kind.Description, reported.AddMinutes(-_random.Next(10, 2 * 24 * 60)), personalData, reported);
            Incidents.Add(incident);

            // Two in three concern a system, half of them one of the reporter's unit.
            var touched = new List<InformationSystem>();
            if (_random.Next(3) != 0 && register.Systems.Count > 0)
            {
                var local = systemsByUnit[reporter.UnitId].ToList();
                touched.Add(local.Count > 0 && _random.Next(2) == 0 ? local[_random.Next(local.Count)] : register.Systems[_random.Next(register.Systems.Count)]);
                if (_random.Next(8) == 0)
                {
                    var second = register.Systems[_random.Next(register.Systems.Count)];
                    if (second.Id != touched[0].Id)
                    {
                        touched.Add(second);
                    }
                }
            }

            Handle(incident, kind, touched, reported, now, officer, itManager, dpo, director, ownerOf, setsBySystem, risks);
            Entries.AddRange(incident.Entries);
        }
    }

    private void Handle(
        Incident incident,
        (IncidentCategory Category, int Weight, AffectedAspects Aspects, string Title, string Description) kind,
        List<InformationSystem> touched,
        DateTime reported,
        DateTime now,
        Guid officer,
        Guid itManager,
        Guid dpo,
        Guid director,
        Dictionary<Guid, Guid> ownerOf,
        ILookup<Guid, Guid> setsBySystem,
        BenchRisks risks)
    {
        var age = now - reported;
        var t = reported;

        // Each step a while after the last; a step that would fall after now is not taken yet.
        bool Step(double minHours, double maxHours)
        {
            var next = t.AddMinutes((minHours + (_random.NextDouble() * (maxHours - minHours))) * 60);
            if (next >= now)
            {
                return false;
            }

            t = next;
            return true;
        }

        // The newest reports wait for triage; the rest are triaged within a working day.
        if ((age.TotalDays < 2 && _random.Next(2) == 0) || !Step(0.5, 20))
        {
            LinkSystems(incident, touched, reported, setsBySystem, false);
            return;
        }

        var severity = (ConsequenceLevel)Pick(SeverityWeights);
        incident.Triage(kind.Category, severity, kind.Aspects, kind.Title, t, officer);
        LinkSystems(incident, touched, t, setsBySystem, true);
        if (touched.Count > 0 && age.TotalDays < 30 && risks.CurrentBySystem.TryGetValue(touched[0].Id, out var analysis))
        {
            analysis.MarkForReview("Händelse " + incident.Reference + " på systemet", t);
        }

        // The handler: the system's owner, the data protection officer for personal data, the IT manager; policy
        // violations stay with the security officer.
        var handler = officer;
        if (kind.Category != IncidentCategory.PolicyViolation && _random.Next(5) != 0 && Step(0.1, 2))
        {
            handler = touched.Count > 0 && ownerOf.TryGetValue(touched[0].Id, out var owner) ? owner
                : incident.PersonalDataMaybe ? dpo
                : itManager;
            incident.Assign(handler, t, officer);
        }

        // A personal data breach: IMY's clock runs 72 hours from awareness; nine in ten reported in time.
        var breach = incident.PersonalDataMaybe && _random.Next(7) == 0;
        if (breach && Step(0.5, 6))
        {
            incident.MarkPersonalDataBreach(true, new BreachDetails("Namn, personnummer och uppgifter i ärendet", "Brukare och anhöriga", 1 + _random.Next(40), "Uppgifterna kan ha lästs av obehöriga", "Mottagaren har ombetts radera uppgifterna", _random.Next(2) == 0), t, handler);
            var sent = Later(incident.AwareUtc.AddHours(_random.Next(10) == 0 ? 73 + _random.Next(48) : 6 + _random.Next(64)), t);
            if (sent < now)
            {
                incident.RecordSent(DeadlineKind.Imy, sent, sent, dpo);
                t = sent;
            }
        }

        // A significant incident under the Cybersecurity Act: early warning, notification, final report.
        var significant = severity >= ConsequenceLevel.Serious && kind.Category is IncidentCategory.Outage or IncidentCategory.Malware or IncidentCategory.UnauthorisedAccess && _random.Next(3) == 0;
        if (significant && Step(0.2, 3))
        {
            incident.MarkSignificant(true, t, officer);
            var warning = incident.AwareUtc.AddHours(4 + _random.Next(19));
            var notification = incident.AwareUtc.AddHours(30 + _random.Next(40));
            var final = notification.AddDays(10 + _random.Next(18));
            foreach (var (deadline, due) in new[] { (DeadlineKind.EarlyWarning, warning), (DeadlineKind.Notification, notification), (DeadlineKind.FinalReport, final) })
            {
                var sent = Later(due, t);
                if (sent >= now)
                {
                    break;
                }

                incident.RecordSent(deadline, sent, sent, officer);
                t = sent;
            }
        }

        // One in ten dismissed, half straight after triage.
        var roll = _random.Next(100);
        if (roll < 5)
        {
            if (Step(0.2, 24))
            {
                incident.Dismiss(DismissReasons[_random.Next(DismissReasons.Length)], t, officer);
            }

            return;
        }

        if (!Step(1, 48))
        {
            return;
        }

        incident.StartInvestigation(t, handler);
        for (var n = _random.Next(3); n > 0 && Step(2, 72); n--)
        {
            incident.AddNote(NoteTexts[_random.Next(NoteTexts.Length)], t, handler);
        }

        if (roll < 10)
        {
            if (Step(1, 72))
            {
                incident.Dismiss(DismissReasons[_random.Next(DismissReasons.Length)], t, officer);
            }

            return;
        }

        // Half need no measures and close from the investigation; the rest go through measures. A few old ones still run.
        var decided = _random.Next(2) == 0;
        if (decided)
        {
            if (!Step(24, 14 * 24))
            {
                return;
            }

            incident.StartMeasures(t, handler);
            if (roll >= 97 || !Step(24, 60 * 24))
            {
                return;
            }

            incident.RecordConclusion(LessonTexts[_random.Next(LessonTexts.Length)], MeasuresDecision.Decided, "Åtgärder beslutade i handlingsplanen.", t, handler);
            if (_random.Next(3) == 0)
            {
                AddMeasure(incident, touched, handler == director ? officer : handler, officer, t, now);
            }
        }
        else
        {
            if (!Step(24, 30 * 24))
            {
                return;
            }

            incident.RecordConclusion(LessonTexts[_random.Next(LessonTexts.Length)], MeasuresDecision.NoneNeeded, null, t, handler);
        }

        if (Step(0.5, 48))
        {
            incident.Close(t, handler);
        }
    }

    /// <summary>A report is sent after the step before it (the marking), a few minutes later at the earliest.</summary>
    private static DateTime Later(DateTime planned, DateTime after) => planned > after ? planned : after.AddMinutes(15);

    private void LinkSystems(Incident incident, List<InformationSystem> touched, DateTime at, ILookup<Guid, Guid> setsBySystem, bool withSets)
    {
        foreach (var system in touched)
        {
            Systems.Add(new IncidentSystem(incident.OrganisationId, incident.Id, system.Id, at));
        }

        if (withSets && touched.Count > 0 && _random.Next(6) == 0 && setsBySystem[touched[0].Id].FirstOrDefault() is { } set && set != Guid.Empty)
        {
            Sets.Add(new IncidentSet(incident.OrganisationId, incident.Id, set));
        }
    }

    private void AddMeasure(Incident incident, List<InformationSystem> touched, Guid owner, Guid officer, DateTime at, DateTime now)
    {
        var created = DateOnly.FromDateTime(at);
        var system = touched.FirstOrDefault();
        var measure = new Measure(
            incident.OrganisationId,
            string.Create(CultureInfo.InvariantCulture, $"Efter {incident.Reference}: {incident.Title}"),
            incident.Lessons ?? string.Empty,
            MeasureOrigin.Incident,
            incident.Id,
            system?.Id,
            system?.UnitId ?? incident.UnitId,
            owner,
            created.AddDays(30 + _random.Next(90)),
            created);
        if ((now - at).TotalDays > 150 && _random.Next(5) != 0)
        {
            measure.Complete("Genomförd enligt beslutet i händelsen.", created.AddDays(20 + _random.Next(100)));
            if (owner != officer && _random.Next(2) == 0)
            {
                measure.Verify(officer, created.AddDays(130));
            }
        }

        Measures.Add(measure);
    }

    private (IncidentCategory Category, int Weight, AffectedAspects Aspects, string Title, string Description) Pick(int totalWeight)
    {
        var roll = _random.Next(totalWeight);
        foreach (var kind in Kinds)
        {
            if (roll < kind.Weight)
            {
                return kind;
            }

            roll -= kind.Weight;
        }

        return Kinds[^1];
    }

    private int Pick(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i;
            }

            roll -= weights[i];
        }

        return weights.Length - 1;
    }
}
