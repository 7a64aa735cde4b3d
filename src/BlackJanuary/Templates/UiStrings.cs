using System.Security.Cryptography;
using System.Text;
using BlackJanuary.Diagnostics;
using YamlDotNet.RepresentationModel;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Templates;

/// <summary>
/// The theme's own words ("Skip to content", "Sources") in each language, from i18n/CODE.yaml
/// files of flat 'key: text' lines. A site's own templates/i18n/ file overrides single keys of the
/// theme's. Templates look them up with t "key".
/// </summary>
public sealed class UiStrings
{
    /// <summary>Used when neither the page's language nor the site's default has a string: themes are written in English first.</summary>
    private const string LastResort = "en";

    private readonly Dictionary<string, Dictionary<string, string>> _byLanguage;
    private readonly Dictionary<string, string> _files;

    private UiStrings(Dictionary<string, Dictionary<string, string>> byLanguage, Dictionary<string, string> files, string key)
    {
        _byLanguage = byLanguage;
        _files = files;
        Key = key;
    }

    /// <summary>A hash of every string: pages rendered with other strings are rendered again.</summary>
    public string Key { get; }

    public static UiStrings Load(IReadOnlyList<string> roots, DiagnosticBag diagnostics, FileMemo? memo = null)
    {
        var byLanguage = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        // The theme first, then the site's own files over it, key by key.
        foreach (var root in roots.Reverse())
        {
            var dir = Path.Combine(root, "i18n");
            foreach (var file in FileMemo.Files(memo, dir, "*.yaml", diagnostics).Where(f => Path.GetDirectoryName(f) == dir))
            {
                var code = Path.GetFileNameWithoutExtension(file);
                var strings = FileMemo.Read(memo, file, diagnostics, d => Read(file, d));
                if (strings is null)
                {
                    continue;
                }

                if (!byLanguage.TryGetValue(code, out var merged))
                {
                    byLanguage[code] = merged = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                foreach (var (key, text) in strings)
                {
                    merged[key] = text;
                }

                files[code] = file;
            }
        }

        var all = new StringBuilder();
        foreach (var (code, strings) in byLanguage.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            foreach (var (key, text) in strings.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                all.Append(code).Append('\t').Append(key).Append('\t').Append(text).Append('\n');
            }
        }

        return new UiStrings(byLanguage, files, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString()))));
    }

    private static Dictionary<string, string>? Read(string file, DiagnosticBag diagnostics)
    {
        var text = TextFile.Read(file, diagnostics);
        var root = text is null ? null : Reading.YamlDocument.Parse(text, file, 1, diagnostics);
        if (root is null)
        {
            return null;
        }

        if (root is not YamlMappingNode map)
        {
            diagnostics.Error(DiagnosticCodes.UiStringsInvalid, YamlFields.Locate(file, 1, root),
                "a UI strings file must be a mapping of 'key: text' lines, one per string the theme shows");
            return null;
        }

        var fields = new YamlFields(map, file, 1, diagnostics, Path.GetFileName(file));
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in fields.Keys)
        {
            if (fields.Text(key) is { } value)
            {
                strings[key] = value;
            }
        }

        return strings;
    }

    /// <summary>
    /// Warns, once per language and key, about strings a language of the site lacks that another
    /// has: the page would show them in another language. Themes are checked in the languages the
    /// site uses only.
    /// </summary>
    public void Check(SiteConfig config, DiagnosticBag diagnostics)
    {
        if (_byLanguage.Count == 0)
        {
            return; // A theme without i18n/ writes its words in its templates.
        }

        var keys = _byLanguage.Values.SelectMany(s => s.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var language in config.Languages)
        {
            if (!_byLanguage.TryGetValue(language.Code, out var strings))
            {
                diagnostics.Warning(DiagnosticCodes.MissingUiString, new SourceLocation(Path.Combine("templates", "i18n", language.Code + ".yaml")),
                    $"the theme has no UI strings in '{language.Code}' ({language.Name}); its words are shown in '{ShownInstead(language.Code, config.Language, key: null)}' until you add i18n/{language.Code}.yaml (copy another language's file and translate it)");
                continue;
            }

            foreach (var key in keys.Where(k => !strings.ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                diagnostics.Warning(DiagnosticCodes.MissingUiString, new SourceLocation(_files[language.Code], 1, 1),
                    $"no UI string '{key}' in '{language.Code}' ({language.Name}); pages in {language.Name} show it in '{ShownInstead(language.Code, config.Language, key)}' until you add '{key}: …'");
            }
        }
    }

    /// <summary>The language whose words a page in <paramref name="code"/> shows instead: the next in <see cref="LookupOrder"/> that has the string (or, for a missing file, any strings).</summary>
    private string ShownInstead(string code, string defaultLanguage, string? key) =>
        LookupOrder(code, defaultLanguage)
            .FirstOrDefault(c => c != code && _byLanguage.TryGetValue(c, out var strings) && (key is null || strings.ContainsKey(key)))
        ?? LastResort;

    /// <summary>Where a string is looked for: the page's language, else the default language's, else English.</summary>
    private static string[] LookupOrder(string language, string defaultLanguage) => [language, defaultLanguage, LastResort];

    /// <summary>The theme's words for media (credits, warnings, transcripts) in a language, English where the theme has none.</summary>
    public MediaMarkup.Words MediaWords(string language, string defaultLanguage)
    {
        string T(string key, string english) => Find(key, language, defaultLanguage) ?? english;
        return new MediaMarkup.Words(
            T("photo_credit", "Photo"), T("media_license", "Licence"), T("content_warning", "Content warning"), T("content_warning_show", "Show"),
            T("transcript", "Transcript"), T("document_pages", "Pages"), T("media_download", "Download"));
    }

    /// <summary>The string in the first language of <see cref="LookupOrder"/> that has it; null when none has it.</summary>
    public string? Find(string key, string language, string defaultLanguage)
    {
        foreach (var code in LookupOrder(language, defaultLanguage))
        {
            if (_byLanguage.TryGetValue(code, out var strings) && strings.TryGetValue(key, out var text))
            {
                return text;
            }
        }

        return null;
    }
}
