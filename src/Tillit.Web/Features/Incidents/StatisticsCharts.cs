namespace Tillit.Web.Features.Incidents;

/// <summary>One bar: its (translated) label and count.</summary>
public sealed record StatBar(string Label, int Count);

/// <summary>A horizontal bar chart of counts, drawn on the server, with the same figures as a table.</summary>
public sealed record StatBarChart(string Id, string Title, string LabelHeader, string ValueHeader, IReadOnlyList<StatBar> Bars);

/// <summary>The deadlines met, missed and still running per clock, as stacked bars with a table.</summary>
public sealed record StatDeadlineChart(string Id, string Title, IReadOnlyList<(string Label, DeadlineCount Count)> Rows);
