using BlackJanuary.Cli;

namespace BlackJanuary.Tests.Support;

/// <summary>A temporary folder that does not exist yet, for a test to start a site in; removed with all it holds.</summary>
public sealed class ScratchFolder(string prefix) : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));

    /// <summary>Runs any command line in this process, as <see cref="FixtureSite.Run"/> does, with paths shown as they are.</summary>
    public static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        return new CliRun(App.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
