using BlackJanuary.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using BlackJanuary.Incremental;
using BlackJanuary.Reading;

namespace BlackJanuary.Templates;

/// <summary>
/// Every template of the theme, parsed once. A template in an earlier root (a site's own
/// templates) overrides the one of the same name in later roots (the theme).
/// </summary>
public sealed class TemplateSet : ITemplateLoader, IEquatable<TemplateSet>
{
    private readonly Dictionary<string, Template> _templates;

    private TemplateSet(Dictionary<string, Template> templates) => _templates = templates;

    public static TemplateSet Load(IReadOnlyList<string> roots, DiagnosticBag diagnostics, FileMemo? memo = null)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            FileMemo.RefuseLinks(memo, root, diagnostics);
            foreach (var file in FileMemo.Files(memo, root, "*.html", diagnostics))
            {
                var name = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (name.StartsWith("assets/", StringComparison.Ordinal) || templates.ContainsKey(name))
                {
                    continue;
                }

                if (FileMemo.Read(memo, file, diagnostics, d => Parse(file, d)) is { } template)
                {
                    templates[name] = template;
                }
            }
        }

        return new TemplateSet(templates);
    }

    private static Template? Parse(string file, DiagnosticBag diagnostics)
    {
        var text = TextFile.Read(file, diagnostics);
        if (text is null)
        {
            return null;
        }

        var template = Template.Parse(text, file);
        foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
        {
            diagnostics.Error(DiagnosticCodes.TemplateSyntax, Locate(message.Span, file),
                $"template syntax error: {message.Message}; see docs/templates.md for Scriban syntax");
        }

        return template;
    }

    public bool Contains(string name) => _templates.ContainsKey(name);

    /// <summary>The template name of a layout: "layouts/page.html" for 'page'.</summary>
    public static string LayoutOf(string layout) => $"layouts/{layout}.html";

    public Template Get(string name) => _templates[name];

    public Template? GetOrNull(string name) => _templates.GetValueOrDefault(name);

    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>Equal to another set of the very same parsed templates under the same names: a session's rebuild reads unchanged files into the very same objects.</summary>
    public bool Equals(TemplateSet? other) =>
        other is not null && _templates.Count == other._templates.Count && _templates.All(t => ReferenceEquals(other.GetOrNull(t.Key), t.Value));

    public override bool Equals(object? obj) => obj is TemplateSet other && Equals(other);

    public override int GetHashCode() => _templates.Count;

    internal static SourceLocation Locate(SourceSpan span, string fallbackFile) =>
        new(string.IsNullOrEmpty(span.FileName) ? fallbackFile : span.FileName, span.Start.Line + 1, span.Start.Column + 1);

    // ITemplateLoader: 'include "partials/head.html"' resolves by name among the loaded templates
    // only, so a template can never read a file outside the template folders.
    // Every include goes through here ('include', 'include_join'), so this is where a page's render
    // notes which templates it used, and which it asked for that did not exist yet.
    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var template = GetOrNull(templateName);
        HtmlTemplateContext.ReadsOf(context).Templates[templateName] = template;
        return template is not null
            ? templateName
            : throw new Scriban.Syntax.ScriptRuntimeException(callerSpan,
                $"no template '{templateName}'" + (Suggest.Nearest(templateName, _templates.Keys) is { } near ? $"; did you mean '{near}'?" : ""));
    }

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => "";

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => ValueTask.FromResult<string?>("");

    /// <summary>Hands the parsed templates to a render context, so that includes are never re-parsed.</summary>
    internal void Prime(TemplateContext context)
    {
        context.TemplateLoader = this;
        foreach (var (name, template) in _templates)
        {
            context.CachedTemplates[name] = template;
        }
    }
}
