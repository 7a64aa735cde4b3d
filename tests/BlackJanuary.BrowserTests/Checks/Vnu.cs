using System.Diagnostics;
using System.Text.Json;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>One error from the Nu Html Checker.</summary>
public sealed record VnuMessage(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>
/// Runs the Nu Html Checker (vnu.jar from the npm package vnu-jar) on the machine's Java. The JVM
/// takes seconds to start, so it is started once for all folders to be checked.
/// </summary>
public static class Vnu
{
    private const string HowToInstall =
        "tests/run.sh installs it; by hand: `npm install --prefix ~/.cache/blackjanuary/vnu vnu-jar`, or set VNU_JAR to the path of vnu.jar";

    private static readonly string DefaultJar = Path.Combine(Repository.ToolCache, "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>The jar named by VNU_JAR, else the one in the cache folder.</summary>
    public static string FindJar()
    {
        var configured = Environment.GetEnvironmentVariable("VNU_JAR");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"VNU_JAR is set to '{configured}', which does not exist. The Nu Html Checker is needed: {HowToInstall}");
        }

        return File.Exists(DefaultJar)
            ? DefaultJar
            : throw new InvalidOperationException($"The Nu Html Checker (vnu.jar) was not found at {DefaultJar}: {HowToInstall}");
    }

    /// <summary>All errors (not warnings) in the HTML files under the given folders.</summary>
    public static async Task<IReadOnlyList<VnuMessage>> ValidateAsync(IEnumerable<string> folders)
    {
        var jar = FindJar();
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html" }.Concat(folders))
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Java is needed for the Nu Html Checker but could not be started ({e.Message}); install it with `sudo apt-get install -y default-jre-headless`", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            // vnu writes its JSON report to stderr; take whichever stream holds it.
            var report = new[] { await stderr, await stdout }.FirstOrDefault(s => s.TrimStart().StartsWith('{'));
            if (report is null)
            {
                throw new InvalidOperationException($"vnu.jar gave no JSON report (exit code {process.ExitCode}): {await stderr}{await stdout}");
            }

            return Parse(report);
        }
    }

    private static List<VnuMessage> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var messages = new List<VnuMessage>();
        foreach (var m in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            // "error" and "non-document-error" (e.g. an unreadable file) both fail the check.
            if (m.TryGetProperty("type", out var type) && type.GetString() == "info")
            {
                continue;
            }

            var url = m.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            // vnu gives only lastLine when the message spans one line, firstLine as well otherwise.
            var line = m.TryGetProperty("firstLine", out var first) ? first.GetInt32()
                : m.TryGetProperty("lastLine", out var last) ? last.GetInt32() : 0;
            messages.Add(new VnuMessage(
                LocalPath(url),
                line,
                m.TryGetProperty("firstColumn", out var column) ? column.GetInt32() : 0,
                m.TryGetProperty("message", out var text) ? text.GetString() ?? "" : ""));
        }

        return messages;
    }

    /// <summary>vnu names files "file:/dir/page.html" (one slash, percent-encoded), which System.Uri does not accept.</summary>
    private static string LocalPath(string url)
    {
        if (!url.StartsWith("file:", StringComparison.Ordinal))
        {
            return url;
        }

        var path = url["file:".Length..];
        return Uri.UnescapeDataString(path.StartsWith("///", StringComparison.Ordinal) ? path[2..] : path);
    }
}
