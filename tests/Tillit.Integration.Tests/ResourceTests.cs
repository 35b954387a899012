using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tillit.Domain.Access;
using Tillit.Domain.Organisations;

namespace Tillit.Integration.Tests;

/// <summary>Every UI string comes from the resources, in Swedish and English; these tests read the source tree.</summary>
public sealed partial class ResourceTests
{
    /// <summary>Keys built by concatenation, and the values that complete them.</summary>
    private static readonly Dictionary<string, IEnumerable<string>> Composed = new(StringComparer.Ordinal)
    {
        ["Role."] = Enum.GetNames<Role>(),
        ["Delegation.Kind."] = Enum.GetNames<Tillit.Web.Features.Delegations.DelegationKind>(),
        ["DeviationStatus."] = Enum.GetNames<Tillit.Domain.Documents.DeviationStatus>(),
        ["UnitKind."] = Enum.GetNames<UnitKind>(),
        ["Home.Card."] = Enum.GetNames<Role>(),
        ["Home.Pending."] = Enum.GetNames<Role>(),
        ["Identity."] = IdentityCodes(),
        ["AssignmentStatus."] = Enum.GetNames<Tillit.Web.Features.Roles.AssignmentStatus>(),
        ["AuditActor."] = Enum.GetNames<Tillit.Data.Audit.AuditActorKind>(),
        ["AuditAction."] = typeof(Tillit.Data.Audit.AuditActions).GetFields().Select(f => (string)f.GetValue(null)!),
        ["DocumentStatus."] = Enum.GetNames<Tillit.Domain.Documents.DocumentStatus>(),
        ["IncidentStatus."] = Enum.GetNames<Tillit.Domain.Incidents.IncidentStatus>(),
        ["Incident_Category."] = Enum.GetNames<Tillit.Domain.Incidents.IncidentCategory>(),
        ["Incident_Deadline."] = Enum.GetNames<Tillit.Domain.Incidents.DeadlineKind>(),
        ["Incident_Entry."] = Enum.GetNames<Tillit.Domain.Incidents.EntryKind>(),
        ["Incident_MeasuresDecision."] = Enum.GetNames<Tillit.Domain.Incidents.MeasuresDecision>(),
        ["Incident_MoveTo."] = ["UnderInvestigation", "Measures", "Closed"],
        ["DocumentType."] = Enum.GetNames<Tillit.Domain.Documents.DocumentType>(),
        ["Permission."] = Tillit.Web.Security.Permissions.All,
        ["Aspect."] = Enum.GetNames<Tillit.Domain.Register.Aspect>().SelectMany(a => new[] { a, a + ".Hint" }),
        ["ClassificationState."] = Enum.GetNames<Tillit.Domain.Register.ClassificationState>(),
        ["Hosting."] = Enum.GetNames<Tillit.Domain.Register.Hosting>(),
        ["Level."] = Enumerable.Range(0, 5).SelectMany(n => new[] { n.ToString(System.Globalization.CultureInfo.InvariantCulture), n + ".Description" }),
        ["Lifecycle."] = Enum.GetNames<Tillit.Domain.Register.Lifecycle>(),
        ["PersonalData."] = Enum.GetNames<Tillit.Domain.Register.PersonalData>(),
        ["Set.MotivationFor."] = Enum.GetNames<Tillit.Domain.Register.Aspect>(),
        ["SystemForm."] = Enum.GetNames<Tillit.Domain.Register.SystemForm>(),
        ["SystemGap."] = Enum.GetNames<Tillit.Web.Features.Systems.SystemGap>(),
        ["RequirementArea."] = Enum.GetNames<Tillit.Domain.Requirements.RequirementArea>(),
        ["AssessmentStatus."] = Enum.GetNames<Tillit.Domain.Requirements.AssessmentStatus>(),
        ["MeasureStatus."] = Enum.GetNames<Tillit.Domain.Measures.MeasureStatus>(),
        ["MeasureOrigin."] = Enum.GetNames<Tillit.Domain.Measures.MeasureOrigin>(),
        ["QuestionnaireRecipients."] = Enum.GetNames<Tillit.Domain.Requirements.QuestionnaireRecipients>(),
        ["MeasureAction."] = Enum.GetNames<Tillit.Web.Features.Measures.MeasureAction>(),
        ["MeasureState."] = Enum.GetNames<Tillit.Web.Features.Measures.MeasureState>(),
        ["Document.NotInForce."] = ["Superseded", "Revoked"],
        ["AudienceKind."] = Enum.GetNames<Tillit.Domain.Documents.AudienceKind>(),
        ["ApiDocs.In."] = ["path", "query", "header", "cookie"],
        ["ApiDocs.Status."] = ["400", "401", "403", "404", "409", "413"],

        // Legal register, agreements, continuity and training (issue 9).
        ["LegalKind."] = Enum.GetNames<Tillit.Domain.Laws.LegalKind>(),
        ["ComplianceStatus."] = Enum.GetNames<Tillit.Domain.Laws.ComplianceStatus>(),
        ["AgreementView."] = Enum.GetNames<Tillit.Web.Features.Agreements.AgreementView>(),
        ["ThirdCountryTransfer."] = Enum.GetNames<Tillit.Domain.Agreements.ThirdCountryTransfer>(),
        ["ContinuityView."] = Enum.GetNames<Tillit.Web.Features.Continuity.ContinuityView>(),
        ["ExerciseKind."] = Enum.GetNames<Tillit.Domain.Preparedness.ExerciseKind>(),
        ["ExerciseView."] = Enum.GetNames<Tillit.Web.Features.Exercises.ExerciseView>(),
        ["IncidentStats_Bucket."] = ["1", "7", "30", "90", "more"],
        ["Indicator_Month_"] = [.. Enumerable.Range(1, 12).Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        ["Goal_Status_"] = Enum.GetNames<Tillit.Domain.Goals.YearlyGoalStatus>(),
        ["YearlyReport_JobStatus_"] = Enum.GetNames<Tillit.Domain.Goals.ReportJobStatus>(),
        ["YearlyReport_JobStep_"] = Tillit.Web.Features.Reports.JobModel.Steps.Select(s => s.ToString()),
        ["YearlyReport_JobState_"] = ["Done", "Running", "Failed", "Waiting"],
        ["Indicator_Trend_"] = Enum.GetNames<Tillit.Web.Features.Indicators.Trend>(),
        ["Indicator_"] = Tillit.Web.Features.Indicators.IndicatorCatalogue.All.Select(d => d.Key)
            .Concat(Enumerable.Range(1, 12).SelectMany(m => new[] { $"Month_{m}", $"Month_{m}_Short" }))
            .Concat(Enum.GetNames<Tillit.Domain.Register.Aspect>().SelectMany(a => new[] { $"Aspect_{a}", $"Aspect_{a}_Short" })),
        // Risk analysis (issue 5).
        ["Risk."] = ["Likelihood", "Consequence", "ResidualLikelihood", "ResidualConsequence", .. from k in new[] { "Likelihood", "Consequence" } from n in Enumerable.Range(1, 4) from h in new[] { "", "Hint" } select $"{k}Step{n}{h}"],
        ["RiskAcceptor."] = Enum.GetNames<Tillit.Domain.Risks.RiskAcceptor>(),
        ["RiskAnalysisAction."] = Enum.GetNames<Tillit.Web.Features.Risk.RiskAnalysisAction>(),
        ["RiskAnalysisScope."] = Enum.GetNames<Tillit.Domain.Risks.RiskAnalysisScope>(),
        ["RiskAnalysisStatus."] = Enum.GetNames<Tillit.Domain.Risks.RiskAnalysisStatus>(),
        ["RiskBand."] = Enum.GetNames<Tillit.Domain.Risks.RiskBand>(),
        ["RiskGap."] = Enum.GetNames<Tillit.Web.Features.Risk.RiskGapKind>(),
        ["RiskTreatment."] = Enum.GetNames<Tillit.Domain.Risks.RiskTreatment>(),
    };

    private static readonly string Root = FindRoot();

    private static string Web => Path.Combine(Root, "src", "Tillit.Web");

    [Fact]
    public void The_Swedish_and_English_resources_have_the_same_keys_and_no_empty_text()
    {
        var sv = Load("SharedResource.resx");
        var en = Load("SharedResource.en.resx");
        var problems = sv.Keys.Except(en.Keys).Select(k => $"{k}: only in Swedish")
            .Concat(en.Keys.Except(sv.Keys).Select(k => $"{k}: only in English"))
            .Concat(sv.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{e.Key}: empty Swedish text"))
            .Concat(en.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{e.Key}: empty English text"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_resource_key_the_code_names_exists()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var prefixes = keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var uncheckedCompositions = new SortedSet<string>(StringComparer.Ordinal);
        var found = 0;

        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            var where = Path.GetRelativePath(Root, file);
            var named = LocalizerKey().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(FieldTag().Matches(text).SelectMany(tag => FieldKey().Matches(tag.Value).Select(m => m.Groups[1].Value)))
                .Concat(DottedLiteral().Matches(text).Select(m => m.Groups[1].Value).Where(k => prefixes.Contains(k.Split('.')[0])));
            foreach (var key in named)
            {
                found++;
                if (!keys.Contains(key))
                {
                    missing.Add($"{key} (in {where})");
                }
            }

            foreach (Match composed in ComposedKey().Matches(text))
            {
                if (!Composed.ContainsKey(composed.Groups[1].Value))
                {
                    uncheckedCompositions.Add($"{composed.Groups[1].Value}… (in {where}): add its values to ResourceTests.Composed");
                }
            }
        }

        foreach (var (prefix, values) in Composed)
        {
            missing.UnionWith(values.Select(v => prefix + v).Where(k => !keys.Contains(k)).Select(k => $"{k} (composed)"));
        }

        Assert.True(found > 50, $"only {found} keys found in the source: are the patterns still right?");
        Assert.True(missing.Count == 0, "missing from SharedResource.resx (add with scripts/strings.py):" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        Assert.True(uncheckedCompositions.Count == 0, string.Join(Environment.NewLine, uncheckedCompositions));
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { Web, Path.Combine(Root, "src", "Tillit.Domain") }
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or "Migrations"));

    private static List<string> IdentityCodes()
    {
        var describer = File.ReadAllText(Path.Combine(FindRoot(), "src", "Tillit.Web", "Security", "CommonPasswordValidator.cs"));
        return IdentityCode().Matches(describer).Select(m => m.Groups[1].Value).Append("PasswordCommon").Distinct().ToList();
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tillit.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Tillit.slnx not found above {AppContext.BaseDirectory}; run the tests from the source tree.");
    }

    // L["Key"] or l["Key", args]: a literal key, not the start of a concatenation.
    [GeneratedRegex("\\b[Ll]\\[\"([^\"]+)\"\\s*[\\],]")]
    private static partial Regex LocalizerKey();

    // L["Prefix." + value]
    [GeneratedRegex("\\b[Ll]\\[\"([^\"]+)\"\\s*\\+")]
    private static partial Regex ComposedKey();

    [GeneratedRegex("<field\\b[^>]*>")]
    private static partial Regex FieldTag();

    [GeneratedRegex("\\b(?:label|hint)=\"([^\"@]+)\"")]
    private static partial Regex FieldKey();

    // Message keys passed around as values ("Validation.Required", "Unit.ParentCycle").
    [GeneratedRegex("\"([A-Z][A-Za-z]+(?:\\.[A-Z][A-Za-z0-9]*)+)\"")]
    private static partial Regex DottedLiteral();

    [GeneratedRegex("\\bE\\(nameof\\((\\w+)\\)")]
    private static partial Regex IdentityCode();
}
