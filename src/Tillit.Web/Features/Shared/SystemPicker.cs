using Tillit.Web.Features.Systems;

namespace Tillit.Web.Features.Shared;

/// <summary>What <c>_SystemPicker.cshtml</c> shows: the field, its label and hint keys, the offered and chosen systems, the search words and the field's error.</summary>
public sealed record SystemPicker(string Field, string Label, string Hint, IReadOnlyList<SystemLink> Choices, IReadOnlySet<Guid> Chosen, string? Search, string? Error, bool Multiple = true);
