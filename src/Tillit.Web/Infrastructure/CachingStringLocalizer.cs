using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tillit.Web.Infrastructure;

/// <summary>
/// Looks each (culture, key) up in the resources once. ResourceManager takes a lock on every lookup,
/// and a page makes dozens of them: at 32 requests at once the threads queued on that lock for a tenth
/// of a page's time. The strings are compiled into the assembly, so they never change while Tillit runs.
/// </summary>
public sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type?, string?, string?), IStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd((resourceSource, null, null), key => new CachingStringLocalizer(inner.Create(key.Item1!)));

    public IStringLocalizer Create(string baseName, string location) =>
        _localizers.GetOrAdd((null, baseName, location), key => new CachingStringLocalizer(inner.Create(key.Item2!, key.Item3!)));
}

public sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

    public LocalizedString this[string name] =>
        _strings.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), static (key, localizer) => localizer[key.Name], inner);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            // Formatted as ResourceManagerStringLocalizer does, from the cached template.
            var template = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound, template.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
