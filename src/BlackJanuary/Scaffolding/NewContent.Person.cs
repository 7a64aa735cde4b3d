using System.Text;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Scaffolding;

/// <summary>A new record of the register as the editor typed it; empty optional values count as not given.</summary>
public sealed record NewPerson(string Id, string Name, string? Born = null, string? Died = null, string? Place = null, string? Source = null, string? SourceUrl = null);

public static partial class NewContent
{
    /// <summary>
    /// Creates people/<paramref name="request"/>.Id.md in <paramref name="contentDir"/>, kept out of
    /// the site ('publish: false') until an editor has checked it with the family and the sources.
    /// The record is read back through the build's own loader; its warnings (a record without a
    /// source) are added to <paramref name="diagnostics"/> as reminders. Returns the file
    /// written, or null after reporting why nothing was.
    /// </summary>
    public static string? CreatePerson(string contentDir, NewPerson request, DiagnosticBag diagnostics)
    {
        if (!ContentFolder.Exists(contentDir, diagnostics))
        {
            return null;
        }

        var folder = Path.Combine(contentDir, "people");
        // An id that is not a slug could name any path ('../x', '/etc/x'): its problems are reported at the folder.
        var file = Path.Combine(folder, request.Id + ".md");
        var location = new SourceLocation(Slug.IsValid(request.Id) ? file : folder);
        if (ValidatePerson(request, location, diagnostics) is not { } wanted
            || (Directory.Exists(folder) && !SafeFolder.IsReal(folder, diagnostics)))
        {
            return null;
        }

        if (File.Exists(file) || Directory.Exists(file))
        {
            diagnostics.Error(DiagnosticCodes.NewFileExists, location,
                $"the person '{wanted.Id}' already has a record and new never overwrites a file; edit it, or choose another id");
            return null;
        }

        // people.csv holds records too, and one id in both forms is an error at the build.
        var before = PeopleLoader.Load(contentDir, new DiagnosticBag(), null);
        if (before.FirstOrDefault(r => r.Person.Id == wanted.Id) is { } taken)
        {
            var at = taken.Person.Location;
            diagnostics.Error(DiagnosticCodes.NewFileExists, location,
                $"the id '{wanted.Id}' is already the person at {Path.GetFileName(at.File)}{(at.Line > 0 ? $" line {at.Line}" : "")}; edit that record, or choose another id");
            return null;
        }

        if (!Write(file, Utf8.GetBytes(PersonText(wanted)), keep: null, location, diagnostics))
        {
            return null;
        }

        // Only what is said about the new file matters: the other records' problems are the build's to report.
        var after = new DiagnosticBag();
        var record = PeopleLoader.Load(contentDir, after, null).FirstOrDefault(r => r.Person.Location.File == file);
        var own = after.Sorted().Where(d => d.Location.File == file).ToList();
        if (record is not null && !own.Any(d => d.Severity == Severity.Error) && ReadsBack(record, wanted))
        {
            foreach (var d in own)
            {
                diagnostics.Add(d);
            }

            return file;
        }

        Undo(file, keep: null, location, diagnostics);
        var reason = own.FirstOrDefault(d => d.Severity == Severity.Error)?.Message ?? "the record did not read back as given";
        diagnostics.Error(DiagnosticCodes.NewContentNotReadBack, location,
            $"the new record did not load cleanly ({reason}), so it was removed; write it by hand and please report this as a bug");
        return null;
    }

    /// <summary>The checked values of a new record; every problem is reported, not just the first.</summary>
    private static WantedPerson? ValidatePerson(NewPerson request, SourceLocation location, DiagnosticBag diagnostics)
    {
        var id = request.Id;
        var valid = true;
        if (!Slug.IsValid(id))
        {
            // The id becomes the file name, so this also keeps out '/', '..' and a language suffix ('x.ru').
            var suggestion = Slug.From(id);
            diagnostics.Error(DiagnosticCodes.InvalidSlug, location,
                $"the person's id '{id.Replace("\0", "\\0", StringComparison.Ordinal)}' is their address (/people/<id>/) and must be lower-case letters, digits and single hyphens, " +
                (suggestion.Length > 0 ? $"like '{suggestion}'" : "like 'test-person-one'"));
            valid = false;
        }
        else if (id is "page" or "places" or "died")
        {
            diagnostics.Error(DiagnosticCodes.InvalidSlug, location, $"the id '{id}' is taken by the register's own pages (/people/{id}/…); give the person another id");
            valid = false;
        }

        var name = request.Name.Trim();
        valid &= IsUsableText("name", name, location, diagnostics);
        var bornText = Given(request.Born);
        var diedText = Given(request.Died);
        var born = bornText is null ? null : ParseDate("born", bornText, location, diagnostics);
        var died = diedText is null ? null : ParseDate("died", diedText, location, diagnostics);
        valid &= (bornText is null || born is not null) && (diedText is null || died is not null);
        if (born is not null && died is not null && died.End < born.Start)
        {
            diagnostics.Error(DiagnosticCodes.InvalidDate, location, $"died {died} is before born {born}; check both dates against the source");
            valid = false;
        }

        var place = Given(request.Place);
        valid &= place is null || IsUsableText("place", place, location, diagnostics);
        var source = Given(request.Source);
        var url = Given(request.SourceUrl);
        valid &= source is null || IsUsableText("source", source, location, diagnostics);
        if (url is not null && source is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, location, $"source url '{url}' has no source title; give the title as it was published with --source");
            valid = false;
        }

        valid &= url is null || (IsUsableText("source url", url, location, diagnostics) && Content.Sources.IsValidUrl(url, "url", location, diagnostics));
        return valid ? new WantedPerson(id, name, born, died, place, source, url) : null;
    }

    /// <summary>
    /// The record's file: the fields given, a source or a commented-out shape of one, 'publish:
    /// false', and an empty biography. Nothing is made up: a field not given is not written.
    /// </summary>
    private static string PersonText(WantedPerson wanted)
    {
        var sb = new StringBuilder("---\n");
        sb.Append("name: ").Append(YamlScalar(wanted.Name)).Append('\n');
        if (wanted.Born is not null)
        {
            sb.Append("born: ").Append(wanted.Born.Iso).Append('\n');
        }

        if (wanted.Died is not null)
        {
            sb.Append("died: ").Append(wanted.Died.Iso).Append('\n');
        }

        if (wanted.Place is not null)
        {
            sb.Append("place: ").Append(YamlScalar(wanted.Place)).Append('\n');
        }

        if (wanted.Source is not null)
        {
            sb.Append("sources:\n  - title: ").Append(YamlScalar(wanted.Source)).Append('\n');
            if (wanted.SourceUrl is not null)
            {
                sb.Append("    url: ").Append(YamlScalar(wanted.SourceUrl)).Append('\n');
            }
        }
        else
        {
            // An empty 'sources:' is read as no sources, so the shape below is only a reminder.
            sb.Append("sources:\n")
                .Append("#  - title: the source's title as it was published (a register, a newspaper, a book)\n")
                .Append("#    url: https://…\n");
        }

        // The register publishes a person only after an editor has checked the record.
        sb.Append("publish: false  # delete this line once the family and the sources confirm the record\n");
        return sb.Append("---\n\n").ToString();
    }

    /// <summary>True when the loader reads the record as the values given, kept out of the site.</summary>
    private static bool ReadsBack(PeopleLoader.Record record, WantedPerson wanted)
    {
        var p = record.Person;
        var source = wanted.Source is null ? [] : new[] { new Source(wanted.Source, wanted.SourceUrl ?? "") };
        return !record.Publish
            && p.Id == wanted.Id && p.Name == wanted.Name && p.Born == wanted.Born && p.Died == wanted.Died
            && (wanted.Place is null ? p.Place.Count == 0 : p.Place.Count == 1 && p.Place.GetValueOrDefault("") == wanted.Place)
            && p.Sources.SequenceEqual(source)
            // A translation already waiting in people/<id>.ru.md joins the record: only the default biography is ours.
            && !p.Biographies.ContainsKey("");
    }

    private sealed record WantedPerson(string Id, string Name, PartialDate? Born, PartialDate? Died, string? Place, string? Source, string? SourceUrl);
}
