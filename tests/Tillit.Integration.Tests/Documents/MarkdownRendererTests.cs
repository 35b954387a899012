using System.Text.RegularExpressions;
using Tillit.Web.Infrastructure;

namespace Tillit.Integration.Tests.Documents;

/// <summary>
/// The Markdown of a governing document is rendered without raw HTML and then sanitised. These tests
/// need no database: the renderer is a pure function of its input.
/// </summary>
public sealed class MarkdownRendererTests : IDisposable
{
    private readonly MarkdownRenderer _renderer = new();

    public void Dispose() => _renderer.Dispose();

    private string Render(string markdown) => _renderer.Render(markdown).Value ?? string.Empty;

    [Fact]
    public void Headings_move_one_level_down_because_the_page_title_is_the_h1()
    {
        var html = Render("# Policy\n\n## Mål\n\n###### Djupast");

        Assert.Contains("<h2>Policy</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Mål</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h6>Djupast</h6>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opening_heading_equal_to_the_title_is_left_out_and_other_headings_stay()
    {
        var html = _renderer.Render("# Informationssäkerhetspolicy\n\nText.\n\n# Informationssäkerhetspolicy", "Informationssäkerhetspolicy").Value!;

        Assert.StartsWith("<p>Text.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Informationssäkerhetspolicy</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Annan rubrik</h2>", _renderer.Render("# Annan rubrik", "Informationssäkerhetspolicy").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_emphasis_and_pipe_tables_are_kept()
    {
        var html = Render("- **Riktighet**\n- *Sekretess*\n\n1. ett\n2. två\n\n| Aspekt | Nivå |\n|:--|--:|\n| K | 2 |\n");

        Assert.Contains("<ul>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Riktighet</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>Sekretess</em>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Aspekt</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Alignment_styles_of_tables_are_dropped_because_the_csp_forbids_inline_style()
    {
        var html = Render("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");

        Assert.DoesNotContain("style", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Raw_html_in_the_markdown_is_shown_as_text_not_run()
    {
        var html = Render("Hej <script>alert(1)</script> och <b onclick=\"x()\">fet</b>\n\n<iframe src=\"https://evil.example\"></iframe>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[klicka](javascript:alert(1))")]
    [InlineData("[klicka](JavaScript:alert(1))")]
    [InlineData("[klicka](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[klicka](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    public void Links_with_dangerous_schemes_lose_their_target(string markdown)
    {
        var html = Render(markdown);

        // The words may stay as visible text; no attribute may carry them.
        Assert.DoesNotMatch(new Regex("(href|src)\\s*=\\s*\"?\\s*(javascript|data|vbscript):", RegexOptions.IgnoreCase), html);
    }

    [Theory]
    [InlineData("[MSB](https://www.msb.se/)", "href=\"https://www.msb.se/\"")]
    [InlineData("[gammal](http://example.org/a)", "href=\"http://example.org/a\"")]
    [InlineData("[Skriv](mailto:sakerhet@exempelby.se)", "href=\"mailto:sakerhet@exempelby.se\"")]
    [InlineData("[Riktlinje](/documents/0195f0a0-0000-7000-8000-000000000001)", "href=\"/documents/0195f0a0-0000-7000-8000-000000000001\"")]
    public void Links_to_http_https_mailto_and_local_paths_are_kept(string markdown, string expected)
    {
        Assert.Contains(expected, Render(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_handler_attributes_never_survive()
    {
        var html = Render("[x](https://example.org \"t\" onmouseover=alert(1))\n\n![bild](/img/a.png \"titel\" onerror=alert(1))\n\n<img src=x onerror=alert(1)>");

        Assert.DoesNotMatch(new Regex("<[^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase), html);
    }

    [Theory]
    [InlineData("![karta](https://tracker.example/pixel.png)")]
    [InlineData("![karta](http://tracker.example/pixel.png)")]
    [InlineData("![karta](//tracker.example/pixel.png)")]
    [InlineData("![karta](data:image/png;base64,iVBORw0KGgo=)")]
    public void Images_from_other_hosts_become_their_alt_text(string markdown)
    {
        var html = Render(markdown);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", html, StringComparison.Ordinal);
        Assert.Contains("karta", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_served_by_tillit_itself_are_kept()
    {
        var html = Render("![Organisationsschema](/files/schema.png)");

        Assert.Contains("<img src=\"/files/schema.png\" alt=\"Organisationsschema\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_text_renders_nothing()
    {
        Assert.Equal(string.Empty, Render(string.Empty));
        Assert.Equal(string.Empty, _renderer.Render(null).Value ?? string.Empty);
    }

    [Fact]
    public void The_same_text_renders_the_same_html_every_time()
    {
        const string markdown = "## Mål\n\nText med [länk](https://example.org).";

        Assert.Equal(Render(markdown), Render(markdown));
    }

    [Fact]
    public void The_demo_policy_renders_with_its_headings_lists_and_no_raw_markup()
    {
        using var stream = typeof(MarkdownRenderer).Assembly.GetManifestResourceStream("Tillit.DemoPolicy")!;
        using var reader = new StreamReader(stream);
        var html = Render(reader.ReadToEnd());

        Assert.Contains("<h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("**", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
    }
}
