using System.Text;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using BlackJanuary.Reading;

namespace BlackJanuary.Scaffolding;

/// <summary>A new timeline event as the editor typed it; empty optional values count as not given.</summary>
public sealed record NewEvent(string Date, string Title, string? Place = null, string? EndDate = null, string? Id = null);

/// <summary>An event that was added: the file it is in, its id, and whether the file was created for it.</summary>
public sealed record AddedEvent(string File, string Id, bool CreatedFile);

public static partial class NewContent
{
    private const string TimelineHeader =
        "# The timeline: a list of events, each starting with '- date:' (YYYY, YYYY-MM or YYYY-MM-DD).\n" +
        "# The site shows them in date order, whatever their order in this file.\n\n";

    private static readonly IReadOnlyList<Source> NoSources = [];

    /// <summary>
    /// Adds <paramref name="request"/> at the end of timeline.yaml in <paramref name="contentDir"/>,
    /// as text, so that every byte already in the file stays as it was; creates the file if there
    /// is none. Returns what was added, or null after reporting why nothing was.
    /// </summary>
    public static AddedEvent? AddEvent(string contentDir, NewEvent request, DiagnosticBag diagnostics)
    {
        if (!ContentFolder.Exists(contentDir, diagnostics))
        {
            return null;
        }

        var file = Path.Combine(contentDir, "timeline.yaml");
        var location = new SourceLocation(file);
        var wanted = Validate(request, location, diagnostics);
        var timeline = wanted is null ? null : ReadTimeline(file, location, diagnostics);
        if (wanted is null || timeline is null)
        {
            return null;
        }

        var id = wanted.Id ?? TimelineLoader.DerivedEventId(wanted.Date, wanted.Title);
        if (timeline.Events.FirstOrDefault(e => e.Id == id) is { } taken)
        {
            diagnostics.Error(DiagnosticCodes.DuplicateEventId, taken.Location,
                $"event id '{id}' is already used by this event; give the new event its own 'id' or another title");
            return null;
        }

        var tail = Utf8.GetBytes(timeline.Separator + EventText(wanted, timeline));
        if (!Write(file, tail, timeline.Keep, location, diagnostics))
        {
            return null;
        }

        var after = new DiagnosticBag();
        if (ReadsBack(TimelineLoader.Load(file, after), id, wanted, timeline.Events) && after.Sorted().SequenceEqual(timeline.Diagnostics))
        {
            return new AddedEvent(file, id, CreatedFile: timeline.Keep is null);
        }

        Undo(file, timeline.Keep, location, diagnostics);
        var reason = after.Sorted().Except(timeline.Diagnostics).FirstOrDefault()?.Message ?? "the events did not read back as given";
        diagnostics.Error(DiagnosticCodes.NewContentNotReadBack, location,
            $"adding the event would have changed how timeline.yaml reads ({reason}), so the file was put back as it was; if its last line belongs to a 'key: |' block, end the file with a line break and run the command again, otherwise add the event by hand and please report this as a bug");
        return null;
    }

    /// <summary>The checked values of a new event; every problem is reported, not just the first.</summary>
    private static Wanted? Validate(NewEvent request, SourceLocation location, DiagnosticBag diagnostics)
    {
        var date = ParseDate("date", request.Date, location, diagnostics);
        var endText = Given(request.EndDate);
        var endDate = endText is null ? null : ParseDate("end_date", endText, location, diagnostics);
        var title = request.Title.Trim();
        var place = Given(request.Place);
        var id = Given(request.Id);
        var valid = date is not null && (endText is null || endDate is not null);
        valid &= IsUsableText("title", title, location, diagnostics);
        valid &= place is null || IsUsableText("place", place, location, diagnostics);
        if (id is not null && !Slug.IsValid(id))
        {
            diagnostics.Error(DiagnosticCodes.InvalidSlug, location,
                $"event id '{id}' must be lower-case letters, digits and single hyphens, like '{Slug.From(id)}'");
            valid = false;
        }

        if (date is not null && endDate is not null && endDate.End <= date.End)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, location,
                $"end_date {endDate} does not end after date {date}; an event's span must end after it starts");
            valid = false;
        }

        return valid ? new Wanted(date!, endDate, title, place, id) : null;
    }

    private static string? Given(string? text) => text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static PartialDate? ParseDate(string key, string text, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        diagnostics.Error(DiagnosticCodes.InvalidDate, location, $"{key} '{text}' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD");
        return null;
    }

    /// <summary>
    /// What is in timeline.yaml now and how to add to it, or null after reporting why the event
    /// cannot be added at its end. A file that does not load cleanly is refused, so that any
    /// error afterwards can only come from the new text.
    /// </summary>
    private static Timeline? ReadTimeline(string file, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (!File.Exists(file))
        {
            return new Timeline(null, [], [], TimelineHeader, 0, 2, "\n");
        }

        var before = new DiagnosticBag();
        var events = TimelineLoader.Load(file, before);
        if (before.HasErrors)
        {
            foreach (var d in before.Sorted())
            {
                diagnostics.Add(d);
            }

            return null;
        }

        if (TextFile.Read(file, diagnostics) is not { } text || Reading.YamlDocument.Parse(text, file, 1, diagnostics) is not { } root)
        {
            return null;
        }

        if (root is YamlSequenceNode { Style: not SequenceStyle.Block } or YamlMappingNode { Style: MappingStyle.Flow })
        {
            diagnostics.Error(DiagnosticCodes.TimelineNotAppendable, YamlFields.Locate(file, 1, root),
                "timeline.yaml is written in the one-line '[…]' or '{…}' form, and new can only add '- date: …' items after the last line; " +
                "delete the '[]' or '{}' (an empty file is an empty timeline) or write the events as '- date: …' items, then run the command again");
            return null;
        }

        if (DocumentBoundary(text) is { } boundary)
        {
            diagnostics.Error(DiagnosticCodes.TimelineNotAppendable, new SourceLocation(file, boundary.Line, boundary.Column),
                "timeline.yaml ends its list of events with a '---' or '...' line, and the build reads nothing after it; " +
                "remove that line and whatever follows it, or add the event by hand before it");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, location, $"cannot read the file: {e.Message}");
            return null;
        }

        var newline = bytes.AsSpan().IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
        var (dash, key, separated) = root is YamlSequenceNode list ? Indentation(list, text) : (0, 2, text.Trim().Length > 0);
        var trailing = text.AsSpan(text.TrimEnd().Length);
        var breaks = trailing.Count('\n');
        var separator = new StringBuilder();
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            separator.Append(newline);
            breaks++;
        }

        if (separated && breaks < 2)
        {
            separator.Append(newline);
        }

        return new Timeline(bytes.Length, events, before.Sorted(), separator.ToString(), dash, key, newline);
    }

    /// <summary>
    /// Where the list's dashes and the keys of its last item stand, and whether the last item is
    /// set off from the one before by a blank line, so that the new item looks like its neighbours.
    /// </summary>
    private static (int Dash, int Key, bool Separated) Indentation(YamlSequenceNode list, string text)
    {
        var dash = (int)list.Start.Column - 1;
        var last = list.Children[^1];
        var key = Math.Max((int)last.Start.Column - 1, dash + 2);
        var lines = text.Split('\n');
        // The last item's dash is on its first key's line, or alone on the line above ("-\n  date: …").
        var first = (int)last.Start.Line - 1;
        if (lines[first].Length <= dash || lines[first][dash] != '-')
        {
            first--;
        }

        return (dash, key, first > 0 && lines[first - 1].Trim().Length == 0);
    }

    /// <summary>
    /// The position of a second document or of an explicit document end ('...'): the build reads
    /// only the first document, so an event added after either would silently not be shown.
    /// </summary>
    private static (int Line, int Column)? DocumentBoundary(string text)
    {
        var parser = new Parser(new StringReader(text));
        var documents = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is DocumentStart start && ++documents > 1)
            {
                return ((int)start.Start.Line, (int)start.Start.Column);
            }

            if (parser.Current is DocumentEnd { IsImplicit: false } end)
            {
                return ((int)end.Start.Line, (int)end.Start.Column);
            }
        }

        return null;
    }

    private static string EventText(Wanted wanted, Timeline timeline)
    {
        var sb = new StringBuilder();
        sb.Append(' ', timeline.Dash).Append('-').Append(' ', timeline.Key - timeline.Dash - 1);
        Line("date", wanted.Date.Iso);
        if (wanted.EndDate is not null)
        {
            Line("end_date", wanted.EndDate.Iso);
        }

        Line("title", wanted.Title);
        if (wanted.Place is not null)
        {
            Line("place", wanted.Place);
        }

        if (wanted.Id is not null)
        {
            Line("id", wanted.Id);
        }

        return sb.ToString();

        void Line(string key, string value)
        {
            if (key != "date")
            {
                sb.Append(' ', timeline.Key);
            }

            sb.Append(key).Append(": ").Append(YamlScalar(value)).Append(timeline.NewLine);
        }
    }

    /// <summary>
    /// True when the file now holds the new event with the values given, and every other event
    /// as before: text added at the end can still change the last value before it (a block
    /// scalar such as 'body: |' takes in the line breaks that follow it).
    /// </summary>
    private static bool ReadsBack(List<TimelineEvent> events, string id, Wanted wanted, List<TimelineEvent> before)
    {
        var added = events.FirstOrDefault(e => e.Id == id);
        var others = events.Where(e => !ReferenceEquals(e, added)).ToList();
        return added is not null
            && added.Date == wanted.Date && added.EndDate == wanted.EndDate && added.Title == wanted.Title && added.In("", "").Place == (wanted.Place ?? "")
            && others.Count == before.Count
            && others.Zip(before).All(pair => SameEvent(pair.First, pair.Second));
    }

    /// <summary>
    /// Events are records, but their source lists and texts compare by reference. Line breaks at
    /// the end of a body mean nothing in Markdown, and the newline added to a file that lacked one
    /// gives its last 'body: |' one more.
    /// </summary>
    private static bool SameEvent(TimelineEvent x, TimelineEvent y) =>
        Comparable(x) == Comparable(y) && x.Sources.SequenceEqual(y.Sources) && Texts(x).SequenceEqual(Texts(y));

    private static TimelineEvent Comparable(TimelineEvent e) => e with { Sources = NoSources, Texts = NoTexts };

    private static IEnumerable<(string Language, EventText Text)> Texts(TimelineEvent e) =>
        e.Texts.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value with { Body = t.Value.Body?.TrimEnd('\n') }));

    private static readonly IReadOnlyDictionary<string, EventText> NoTexts = new Dictionary<string, EventText>();

    private sealed record Wanted(PartialDate Date, PartialDate? EndDate, string Title, string? Place, string? Id);

    /// <param name="Keep">The file's length before the event, or null when there is no file yet.</param>
    /// <param name="Separator">What goes between the file's last byte and the new item.</param>
    private sealed record Timeline(
        long? Keep,
        List<TimelineEvent> Events,
        IReadOnlyList<Diagnostic> Diagnostics,
        string Separator,
        int Dash,
        int Key,
        string NewLine);
}
