using Tillit.Web.Security;

namespace Tillit.Web.Features.Indicators;

public enum IndicatorUnit
{
    Percent,
    Count,
}

/// <summary>
/// One indicator of the follow-up. <paramref name="Snapshot"/> indicators describe the state of the data
/// at a moment (owners appointed, sets classified): today's value is computed, earlier years' values are the
/// ones kept in that year's yearly report. The others are computed for any year from the dates in the data.
/// </summary>
/// <param name="Key">Stable key (stored in yearly goals and reports); resource keys are Indicator_{Key}.</param>
/// <param name="HigherIsBetter">Whether a rising value is an improvement; null when neither way is (more reports may mean better reporting).</param>
/// <param name="DefaultTarget">The target when no yearly goal of the year sets one.</param>
/// <param name="ListUrl">The list behind the number.</param>
/// <param name="ListPermission">Who may open that list (the link is shown only to them); null: everyone.</param>
/// <param name="WaitingFor">Set while the data the indicator needs is not in Tillit yet: a resource key saying what it waits for.</param>
public sealed record IndicatorDefinition(string Key, IndicatorUnit Unit, bool? HigherIsBetter, decimal? DefaultTarget, string? ListUrl, string? ListPermission, bool Snapshot, string? WaitingFor = null);

/// <summary>The indicators of the follow-up, in the order the policy's follow-up asks its questions.</summary>
public static class IndicatorCatalogue
{
    public const string SystemsWithOwner = "systems-with-owner";
    public const string SetsClassified = "sets-classified";
    public const string RiskAnalyses = "risk-analyses-current";
    public const string MeasuresOnTime = "measures-on-time";
    public const string StaffConfirmed = "staff-confirmed";
    public const string IncidentsReported = "incidents-reported";
    public const string IncidentDeadlines = "incident-deadlines-met";
    public const string RequirementsMet = "requirements-met";
    public const string OpenDeviations = "open-deviations";

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new(SystemsWithOwner, IndicatorUnit.Percent, true, 100, "/systems?gap=NoOwner", null, Snapshot: true),
        new(SetsClassified, IndicatorUnit.Percent, true, 100, "/information-sets?state=Never", null, Snapshot: true),

        new(RiskAnalyses, IndicatorUnit.Percent, true, 100, "/risk", Permissions.RisksRead, Snapshot: true),
        new(MeasuresOnTime, IndicatorUnit.Percent, true, 90, "/measures?overdue=true", Permissions.MeasuresRead, Snapshot: false),
        new(StaffConfirmed, IndicatorUnit.Percent, true, 95, "/documents/campaigns", Permissions.DocumentsCoverage, Snapshot: true),
        new(IncidentsReported, IndicatorUnit.Count, null, null, null, null, Snapshot: false),
        new(IncidentDeadlines, IndicatorUnit.Percent, true, 100, null, null, Snapshot: false),
        new(RequirementsMet, IndicatorUnit.Percent, true, 80, "/requirements/applicability", Permissions.AssessmentsRead, Snapshot: true),
        new(OpenDeviations, IndicatorUnit.Count, false, null, "/deviations", Permissions.DeviationsRead, Snapshot: true),
    ];

    public static IndicatorDefinition? Find(string? key) => All.FirstOrDefault(d => string.Equals(d.Key, key?.Trim(), StringComparison.Ordinal));
}
