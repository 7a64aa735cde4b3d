using System.Reflection;

namespace BlackJanuary.Model;

/// <summary>This program as pages and reports name it.</summary>
public static class Generator
{
    /// <summary>The name pages and feeds give as their generator.</summary>
    public const string Name = "BlackJanuary";

    /// <summary>"0.1.0+&lt;commit&gt;": the SDK adds the commit the program was built from (SourceRevisionId).</summary>
    private static readonly string[] InformationalVersion =
        (typeof(Generator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+', 2);

    /// <summary>The version alone: what pages name as their generator, the same for every build of one release.</summary>
    public static string Version { get; } = InformationalVersion[0];

    /// <summary>The commit the program was built from, when it was built from a git repository.</summary>
    public static string? Commit { get; } = InformationalVersion.Length > 1 ? InformationalVersion[1] : null;
}
