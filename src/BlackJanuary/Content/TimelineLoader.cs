using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;
using YamlDotNet.RepresentationModel;

namespace BlackJanuary.Content;

/// <summary>Loads timeline.yaml: its events with their sources, and the events as each language shows them.</summary>
internal static class TimelineLoader
{
    public static readonly IReadOnlyList<string> EventKeys = ["date", "end_date", "date_note", "title", "place", "body", "sources", "image", "image_alt", "id", "content_warning"];

    internal static List<TimelineEvent> Load(string file, DiagnosticBag diagnostics)
    {
        var events = new List<TimelineEvent>();
        if (SafeFolder.FolderInstead(file, diagnostics) || !File.Exists(file))
        {
            return events;
        }

        var text = TextFile.Read(file, diagnostics);
        var root = text is null ? null : Reading.YamlDocument.Parse(text, file, 1, diagnostics);
        if (root is null)
        {
            return events;
        }

        if (root is YamlMappingNode { Children.Count: 0 })
        {
            return events;
        }

        if (root is not YamlSequenceNode list)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, YamlFields.Locate(file, 1, root),
                "timeline.yaml must be a list of events, each starting with '- date: …'");
            return events;
        }

        foreach (var item in list.Children)
        {
            var e = LoadEvent(item, file, diagnostics);
            if (e is not null)
            {
                events.Add(e);
            }
        }

        foreach (var group in events.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateEventId, other.Location,
                    $"event id '{other.Id}' is already used by the event on line {first.Location.Line}; give one of them a distinct 'id' or title");
            }
        }

        // OrderBy is stable: events on the same date keep the order the editor wrote them in, and
        // an event the source gives no date stays after the dated one written before it, where
        // the editor placed it in the story; nothing suggests a date it does not have.
        var keyed = new List<(TimelineEvent Event, PartialDate? Key)>();
        var after = (PartialDate?)null;
        foreach (var e in events.DistinctBy(e => e.Id, StringComparer.Ordinal))
        {
            after = e.Date ?? after;
            keyed.Add((e, after));
        }

        return keyed.OrderBy(k => k.Key).Select(k => k.Event).ToList();
    }

    private static TimelineEvent? LoadEvent(YamlNode node, string file, DiagnosticBag diagnostics)
    {
        var fields = YamlFields.Of(node, file, 1, diagnostics, "a timeline event");
        if (fields is null)
        {
            return null;
        }

        var date = fields.Date("date");
        var endDate = fields.Date("end_date");
        var dateNote = fields.Localized("date_note") ?? NoText;
        var title = fields.Localized("title", required: true);
        var id = fields.Text("id");
        var place = fields.Localized("place") ?? NoText;
        var body = fields.Localized("body") ?? NoText;
        var image = fields.Text("image") ?? "";
        var imageAlt = fields.Text("image_alt") ?? "";
        if (ImagePath.Problem(image) is { } imageProblem)
        {
            diagnostics.Error(DiagnosticCodes.UnsafePath, fields.ValueLocationOf("image"), imageProblem);
            image = "";
        }
        else if (Urls.IsExternal(image))
        {
            diagnostics.Error(DiagnosticCodes.ThirdPartyImage, fields.ValueLocationOf("image"),
                $"image '{image}' is on another site; put the file in content/media/ and write 'media/…' (the site loads nothing from elsewhere)");
            image = "";
        }

        var sources = Sources.Read(fields, file, diagnostics);
        fields.WarnUnknownKeys(EventKeys);
        var valid = title is not null && (date is not null || (!fields.Has("date") && dateNote.Count > 0));
        if (!fields.Has("date") && dateNote.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, fields.Location,
                "a timeline event has no 'date'; add 'date: YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as precisely as the source gives it, or, when the source gives no date, a 'date_note' that says so");
        }

        if (date is null && endDate is not null)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.ValueLocationOf("end_date"),
                "end_date needs a date to start from; give the event a 'date', or remove 'end_date' and say in 'date_note' what the source tells of its time");
            valid = false;
        }

        if (id is not null && !Slug.IsValid(id))
        {
            diagnostics.Error(DiagnosticCodes.InvalidSlug, fields.ValueLocationOf("id"),
                $"event id '{id}' must be lower-case letters, digits and single hyphens, like '{Slug.From(id)}'");
            valid = false;
        }

        // "1990-01-19 to 1990-01" is a span to the end of January; "1990 to 1990-06" ends inside its own start.
        if (date is not null && endDate is not null && endDate.End <= date.End)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.ValueLocationOf("end_date"),
                $"end_date {endDate} does not end after date {date}; an event's span must end after it starts");
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        // The first title written names the event when it has no id: the same in every language.
        var texts = title!.Keys.Concat(place.Keys).Concat(body.Keys).Concat(dateNote.Keys).Distinct()
            .ToDictionary(code => code, code => new EventText(title.GetValueOrDefault(code), place.GetValueOrDefault(code), body.GetValueOrDefault(code), dateNote.GetValueOrDefault(code)));
        return new TimelineEvent(
            Id: id ?? DerivedEventId(date, title.Values.First()),
            Date: date,
            EndDate: endDate,
            Title: title.Values.First(),
            Place: "",
            BodyMarkdown: "",
            Sources: sources,
            Image: image,
            ImageAlt: imageAlt,
            Location: fields.Location)
        {
            ImageLocation = fields.ValueLocationOf("image"),
            Texts = texts,
            ContentWarning = fields.Localized("content_warning") ?? NoText,
        };
    }

    private static readonly IReadOnlyDictionary<string, string> NoText = new Dictionary<string, string>();

    /// <summary>
    /// The events as each language shows them, with the language codes of their texts checked;
    /// the very same lists as at the last build while timeline.yaml and site.yaml are unchanged,
    /// so that later stages see at a glance that no event changed.
    /// </summary>
    /// <param name="session">Keeps the very same lists while timeline.yaml (the very same list of events) and site.yaml are unchanged.</param>
    internal static Dictionary<string, IReadOnlyList<TimelineEvent>> Timelines(List<TimelineEvent> timeline, SiteConfig config, DiagnosticBag diagnostics, Session? session) =>
        Session.Once(session, "content.timelines", new TimelinesInputs(config, timeline), diagnostics, d =>
        {
            CheckEventLanguages(timeline, config, d);
            return config.Languages.ToDictionary(l => l.Code, l => (IReadOnlyList<TimelineEvent>)timeline.Select(e => e.In(l.Code, config.Language)).ToList());
        });

    /// <summary>The events as loaded, compared as the very same list: loading keeps it while the file is unchanged.</summary>
    private sealed record TimelinesInputs(SiteConfig Config, List<TimelineEvent> Events);

    /// <summary>Per-language texts of events may only use the site's languages: another code is a typo or a missing language.</summary>
    private static void CheckEventLanguages(IReadOnlyList<TimelineEvent> timeline, SiteConfig config, DiagnosticBag diagnostics)
    {
        foreach (var e in timeline)
        {
            foreach (var code in e.Texts.Keys.Where(c => c.Length > 0 && config.Languages.All(l => l.Code != c)))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, e.Location,
                    $"the event has a text in '{code}', which is not a language of the site ({string.Join(", ", config.Languages.Select(l => l.Code))}); "
                    + (Suggest.Nearest(code, config.Languages.Select(l => l.Code).ToList()) is { } near ? $"did you mean '{near}'?" : "add it to 'languages' in site.yaml"));
            }
        }
    }

    /// <summary>The id of an event without an 'id' key: "1990-01-20-soviet-troops-enter-baku", or the title's slug alone for an event without a date.</summary>
    internal static string DerivedEventId(PartialDate? date, string title) => date is null ? Slug.From(title) : $"{date.Iso}-{Slug.From(title)}";
}
