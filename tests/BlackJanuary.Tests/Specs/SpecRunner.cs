using System.Text;
using System.Text.RegularExpressions;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Specs;

/// <summary>
/// Builds the site a spec describes, step by step, and says every way each build differs from
/// what the spec expects. Besides what the spec writes, every build must hold the engine's own
/// promises: a rebuild equals a fresh build, the command line's build writes what the session
/// holds, and the build fails exactly when it reports an error (or a warning under strict).
/// </summary>
public static class SpecRunner
{
    /// <summary>The failures of the first step that has any, each a sentence naming the spec, the step and the spec's line; none when the spec holds.</summary>
    public static IReadOnlyList<string> Run(Spec spec)
    {
        using var site = new FixtureSite(spec.Files, spec.Options.Theme, spec.Options.Content);
        var engine = new SpecEngine(site.Root, spec.Options.Strict, spec.Options.Drafts);
        for (var i = 0; i < spec.Steps.Count; i++)
        {
            var step = spec.Steps[i];
            var failures = new List<string>();
            foreach (var (path, text) in step.Changes)
            {
                var full = Path.Combine(site.Root, path);
                if (text is not null)
                {
                    site.Write(path, text);
                }
                else if (File.Exists(full))
                {
                    File.Delete(full);
                }
                else
                {
                    failures.Add($"cannot delete {path}: the fixture has no such file");
                }
            }

            var build = engine.Rebuild();
            if (i > 0)
            {
                failures.AddRange(SameAsFresh(build, engine.Fresh()));
            }

            failures.AddRange(SameAsWritten(build, engine.BuildToDisk(), site.Root));
            failures.AddRange(FailsOnlyForItsDiagnostics(build, spec.Options.Strict));
            // Every diagnostic is in some spec: a step that names none expects none.
            var expectations = step.Expectations.OfType<ExpectDiagnostics>().Any() ? step.Expectations : [new ExpectDiagnostics(0, []), .. step.Expectations];
            foreach (var expectation in expectations)
            {
                failures.AddRange(Check(expectation, build, site.Root));
            }

            if (failures.Count > 0)
            {
                var reported = build.Diagnostics.Count == 0 ? "  (nothing)" : string.Join('\n', build.Diagnostics.Select(d => "  " + d));
                return [.. failures.Select(f => $"{spec.Name}, {step.Title}: {f}"), $"{spec.Name}, {step.Title}: the build reported:\n{reported}"];
            }
        }

        return [];
    }

    internal static IEnumerable<string> SameAsFresh(SpecBuild rebuilt, SpecBuild fresh)
    {
        if (!rebuilt.Diagnostics.SequenceEqual(fresh.Diagnostics))
        {
            yield return $"the rebuild's diagnostics differ from a fresh build's:\n{Listed("rebuild", rebuilt.Diagnostics)}\n{Listed("fresh build", fresh.Diagnostics)}";
        }

        foreach (var path in rebuilt.Files.Keys.Union(fresh.Files.Keys).Order(StringComparer.Ordinal))
        {
            if (!rebuilt.Files.TryGetValue(path, out var a))
            {
                yield return $"a fresh build writes {path}, but the rebuild does not";
            }
            else if (!fresh.Files.TryGetValue(path, out var b))
            {
                yield return $"the rebuild writes {path}, but a fresh build does not";
            }
            else if (a != b)
            {
                yield return $"{path} differs from a fresh build's:\n--- rebuild\n{a.Text ?? "copy of " + a.CopyOf}\n--- fresh build\n{b.Text ?? "copy of " + b.CopyOf}";
            }
        }
    }

    private static IEnumerable<string> SameAsWritten(SpecBuild build, (IReadOnlyList<SpecDiagnostic> Diagnostics, bool Succeeded, IReadOnlyDictionary<string, byte[]> Written) disk, string root)
    {
        if (!build.Diagnostics.SequenceEqual(disk.Diagnostics))
        {
            yield return $"the command line's build reports other diagnostics than the session:\n{Listed("session", build.Diagnostics)}\n{Listed("command line", disk.Diagnostics)}";
        }

        if (build.Succeeded != disk.Succeeded)
        {
            yield return $"the session's build {(build.Succeeded ? "succeeded" : "failed")}, but the command line's {(disk.Succeeded ? "succeeded" : "failed")}";
            yield break;
        }

        foreach (var path in build.Files.Keys.Union(disk.Written.Keys).Order(StringComparer.Ordinal))
        {
            if (!disk.Written.TryGetValue(path, out var bytes))
            {
                yield return $"the session holds {path}, but the command line's build did not write it";
            }
            else if (!build.Files.TryGetValue(path, out var file))
            {
                yield return $"the command line's build wrote {path}, which the session does not hold";
            }
            else if (!bytes.AsSpan().SequenceEqual(file.Text is { } text ? Encoding.UTF8.GetBytes(text) : File.ReadAllBytes(Path.Combine(root, file.CopyOf!))))
            {
                yield return $"{path} as the command line wrote it differs from the session's";
            }
        }
    }

    private static IEnumerable<string> FailsOnlyForItsDiagnostics(SpecBuild build, bool strict)
    {
        var shouldFail = build.Diagnostics.Any(d => d.Severity == "error" || strict);
        if (build.Succeeded == shouldFail)
        {
            yield return $"the build {(build.Succeeded ? "succeeded" : "failed")}, yet it reported {(build.Diagnostics.Count == 0 ? "nothing" : "only what " + (shouldFail ? "fails" : "does not fail") + " a build")}";
        }
    }

    private static IEnumerable<string> Check(SpecExpectation expectation, SpecBuild build, string root)
    {
        switch (expectation)
        {
            case ExpectDiagnostics e:
                var expected = e.Diagnostics.Select(d => SpecDiagnostic.ParseExpected(d, m => new SpecFormatException(m))).ToList();
                if (expected.Count != build.Diagnostics.Count || expected.Zip(build.Diagnostics).Any(p => !p.Second.Matches(p.First)))
                {
                    var what = expected.Count == 0 ? "no diagnostics" : "these diagnostics (messages may be cut short)";
                    var where = e.Line > 0 ? $"line {e.Line}" : "no 'expect: diagnostics' section";
                    yield return $"expected {what} ({where}), in order of file, line, column and code:\n{Listed("expected", expected)}\n{Listed("actual", build.Diagnostics)}";
                }

                break;
            case ExpectContains e:
                if (Text(build, e.Path, e.Line, root, out var missing) is not { } text)
                {
                    yield return missing!;
                    break;
                }

                foreach (var excerpt in e.Excerpts.Where(x => !text.Contains(x, StringComparison.Ordinal)))
                {
                    yield return $"{e.Path} does not contain '{excerpt}' (line {e.Line}); it holds:\n{Shortened(text)}";
                }

                break;
            case ExpectLacks e:
                if (Text(build, e.Path, e.Line, root, out var absent) is not { } held)
                {
                    yield return absent!;
                    break;
                }

                foreach (var excerpt in e.Excerpts.Where(x => held.Contains(x, StringComparison.Ordinal)))
                {
                    yield return $"{e.Path} contains '{excerpt}', which it must not (line {e.Line})";
                }

                break;
            case ExpectFiles e:
                var patterns = e.Patterns.Select(p => (Pattern: p, Regex: new Regex("^" + Regex.Escape(p).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant))).ToList();
                var unexpected = build.Files.Keys.Where(f => !patterns.Any(p => p.Regex.IsMatch(f))).Order(StringComparer.Ordinal).ToList();
                var unmatched = patterns.Where(p => !build.Files.Keys.Any(p.Regex.IsMatch)).Select(p => p.Pattern).ToList();
                if (unexpected.Count > 0 || unmatched.Count > 0)
                {
                    yield return $"the output files are not the ones expected (line {e.Line}): " +
                        $"not written: {Names(unmatched)}; written but not expected: {Names(unexpected)}; all written: {Names(build.Files.Keys.Order(StringComparer.Ordinal))}";
                }

                break;
            case ExpectAbsent e:
                if (!build.Succeeded)
                {
                    // A failed build writes nothing, so every file would be absent whatever the engine did.
                    yield return $"'expect: absent' (line {e.Line}) needs a build that succeeds, but this one failed";
                    break;
                }

                foreach (var path in e.Paths.Where(build.Files.ContainsKey))
                {
                    yield return $"{path} was written, but must not be (line {e.Line})";
                }

                break;
            case ExpectRendered e:
                if (build.PagesRendered != e.Count)
                {
                    yield return $"expected {e.Count} page(s) rendered (line {e.Line}), but {build.PagesRendered} were";
                }

                break;
            default:
                throw new InvalidOperationException($"no check for {expectation.GetType().Name}");
        }
    }

    /// <summary>The text of an output file, or null with a sentence saying it is not there: an expectation about a missing file must fail, never hold.</summary>
    private static string? Text(SpecBuild build, string path, int line, string root, out string? missing)
    {
        missing = null;
        if (build.Files.TryGetValue(path, out var file))
        {
            return file.Text ?? File.ReadAllText(Path.Combine(root, file.CopyOf!));
        }

        missing = build.Files.Count == 0
            ? $"expected output file {path} (line {line}), but the build wrote no file at all"
            : $"expected output file {path} (line {line}), but the build did not write it; it wrote {Names(build.Files.Keys.Order(StringComparer.Ordinal))}";
        return null;
    }

    private static string Listed(string title, IEnumerable<SpecDiagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => "    " + d).ToList();
        return $"  {title}:\n" + (lines.Count == 0 ? "    (none)" : string.Join('\n', lines));
    }

    private static string Names(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "(none)";

    private static string Shortened(string text) => text.Length <= 3000 ? text : text[..3000] + "…";
}
