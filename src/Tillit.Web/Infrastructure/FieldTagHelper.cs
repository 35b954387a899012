using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Tillit.Web.Infrastructure;

/// <summary>
/// One form field in the GOV.UK pattern: label, optional hint, the error message above the input,
/// and the input with aria-describedby and aria-invalid. Usage:
/// <c>&lt;field for="Input.Name" label="Unit.Name" hint="Unit.NameHint" /&gt;</c>;
/// for a choice list pass <c>items</c>; <c>type</c> may be text, email, date, number, password, textarea, select.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("label")]
    public string Label { get; set; } = string.Empty;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("required")]
    public bool Required { get; set; }

    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state?.Errors.FirstOrDefault()?.ErrorMessage;
        var attempted = state?.AttemptedValue;
        var value = attempted ?? FormatValue(For.Model);
        var enc = HtmlEncoder.Default;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "form-group" : "form-group form-group--error");

        var html = new HtmlContentBuilder();
        html.AppendHtml($"<label class=\"label\" for=\"{id}\">{enc.Encode(l[Label])}</label>");
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            html.AppendHtml($"<div class=\"hint\" id=\"{id}-hint\">{enc.Encode(l[Hint])}</div>");
            describedBy.Add(id + "-hint");
        }

        if (error is not null)
        {
            html.AppendHtml($"<p class=\"error-message\" id=\"{id}-error\"><span class=\"visually-hidden\">{enc.Encode(l["Layout.ErrorPrefix"])}:</span> {enc.Encode(error)}</p>");
            describedBy.Add(id + "-error");
        }

        var aria = (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : string.Empty)
            + (error is not null ? " aria-invalid=\"true\"" : string.Empty)
            + (Required ? " required aria-required=\"true\"" : string.Empty)
            + (Autocomplete is not null ? $" autocomplete=\"{enc.Encode(Autocomplete)}\"" : string.Empty);
        var css = "input" + (Width is not null ? " input--" + Width : string.Empty) + (error is not null ? " input--error" : string.Empty);

        switch (Type)
        {
            case "textarea":
                html.AppendHtml($"<textarea class=\"{css} textarea\" id=\"{id}\" name=\"{name}\" rows=\"6\"{aria}>{enc.Encode(value ?? string.Empty)}</textarea>");
                break;
            case "select":
                html.AppendHtml($"<select class=\"{css} select\" id=\"{id}\" name=\"{name}\"{aria}>");
                foreach (var item in Items ?? [])
                {
                    var selected = item.Value == value || (value is null && item.Selected) ? " selected" : string.Empty;
                    html.AppendHtml($"<option value=\"{enc.Encode(item.Value ?? string.Empty)}\"{selected}>{enc.Encode(item.Text)}</option>");
                }

                html.AppendHtml("</select>");
                break;
            case "checkbox":
                var isChecked = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? " checked" : string.Empty;
                html.Clear();
                html.AppendHtml($"<div class=\"checkbox\"><input type=\"checkbox\" id=\"{id}\" name=\"{name}\" value=\"true\"{isChecked}{aria}><label for=\"{id}\">{enc.Encode(l[Label])}</label></div>");
                if (error is not null)
                {
                    html.AppendHtml($"<p class=\"error-message\" id=\"{id}-error\">{enc.Encode(error)}</p>");
                }

                break;
            default:
                var valueAttr = Type == "password" ? string.Empty : $" value=\"{enc.Encode(value ?? string.Empty)}\"";
                html.AppendHtml($"<input class=\"{css}\" id=\"{id}\" name=\"{name}\" type=\"{enc.Encode(Type)}\"{valueAttr}{aria}>");
                break;
        }

        output.Content.SetHtmlContent(html);
    }

    private static string? FormatValue(object? model) => model switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}
