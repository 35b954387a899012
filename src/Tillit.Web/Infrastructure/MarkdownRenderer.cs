using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Tillit.Web.Infrastructure;

/// <summary>
/// Turns the Markdown of a governing document into HTML that is safe to put in a page. Markdig
/// renders it with raw HTML disabled; HtmlSanitizer then keeps only text structure (headings,
/// paragraphs, lists, tables, emphasis, code, quotes) and links to http, https and mailto.
/// Images stay only when they point at Tillit itself (a local path); any other image becomes
/// its alt text, so a document cannot make the reader's browser call a remote host.
/// Headings move one level down, because the page's own h1 is the document's title.
/// One instance serves the whole application: both the Markdig pipeline and a configured
/// sanitizer are safe to share between threads.
/// </summary>
public sealed class MarkdownRenderer : IDisposable
{
    /// <summary>Output is cached by input text, up to this many characters of Markdown plus HTML.</summary>
    private const long CacheCharacters = 4 * 1024 * 1024;

    private static readonly string[] Tags =
    [
        "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "del", "code", "pre", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "a", "img",
    ];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheCharacters });

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "src", "alt", "start"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.NodeName.Equals("IMG", StringComparison.OrdinalIgnoreCase) && !LocalUrl.IsLocal(e.SanitizedUrl))
            {
                e.SanitizedUrl = null;
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { NodeName: "IMG" } image && !image.HasAttribute("src"))
            {
                e.ReplacementNodes.Add(e.Document.CreateTextNode(image.GetAttribute("alt") ?? string.Empty));
            }
        };
    }

    /// <summary>
    /// The sanitised HTML of the Markdown text. When the text opens with a heading equal to
    /// <paramref name="title"/>, that heading is left out: the page shows the title already.
    /// </summary>
    public HtmlString Render(string? markdown, string? title = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var key = (markdown, title);
        if (_cache.TryGetValue(key, out HtmlString? cached) && cached is not null)
        {
            return cached;
        }

        var document = Markdown.Parse(markdown, _pipeline);
        if (title is not null
            && document.FirstOrDefault() is HeadingBlock first
            && string.Equals(first.Inline?.FirstChild?.ToString()?.Trim(), title.Trim(), StringComparison.OrdinalIgnoreCase)
            && first.Inline!.FirstChild!.NextSibling is null)
        {
            document.Remove(first);
        }

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }

        var html = new HtmlString(_sanitizer.Sanitize(document.ToHtml(_pipeline)));
        _cache.Set(key, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Value!.Length });
        return html;
    }

    /// <summary>
    /// The sanitiser on its own, for HTML from elsewhere (and to test it with raw payloads that the
    /// Markdown step would already have escaped).
    /// </summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    public void Dispose() => _cache.Dispose();
}
