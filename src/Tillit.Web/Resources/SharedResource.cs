namespace Tillit.Web;

/// <summary>
/// Marker for the one shared resource of UI strings: <c>Resources/SharedResource.resx</c> is Swedish
/// (the neutral language), <c>SharedResource.en.resx</c> English. Add strings with scripts/strings.py.
/// </summary>
public sealed class SharedResource;
