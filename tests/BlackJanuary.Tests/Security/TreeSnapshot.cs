using System.Security.Cryptography;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// A folder as a sorted list of its relative paths (folders end in '/') with the SHA-256 of each
/// file: two snapshots are equal exactly when the folders hold the same files, byte for byte.
/// </summary>
internal static class TreeSnapshot
{
    public static IReadOnlyList<string> Of(string dir) =>
        !Directory.Exists(dir)
            ? []
            : new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Select(e => e is FileInfo file
                    ? $"{Path.GetRelativePath(dir, file.FullName)} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file.FullName)))}"
                    : Path.GetRelativePath(dir, e.FullName) + "/")
                .Order(StringComparer.Ordinal)
                .ToList();
}
