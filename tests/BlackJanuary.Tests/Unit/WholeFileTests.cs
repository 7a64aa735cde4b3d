using BlackJanuary.Reading;

namespace BlackJanuary.Tests.Unit;

public sealed class WholeFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bj-wholefile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Replacing_a_file_leaves_the_new_text_and_nothing_else_in_its_folder()
    {
        var file = Path.Combine(_dir, "urls.lock");
        File.WriteAllText(file, "old");

        WholeFile.Replace(file, temporary => File.WriteAllText(temporary, "new"));

        Assert.Equal("new", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void The_temporary_file_is_hidden_beside_the_file_unique_to_the_call_and_keeps_the_extension()
    {
        var file = Path.Combine(_dir, "photo.avif");
        var names = new List<string>();

        WholeFile.Replace(file, temporary => { names.Add(temporary); File.WriteAllText(temporary, "1"); });
        WholeFile.Replace(file, temporary => { names.Add(temporary); File.WriteAllText(temporary, "2"); });

        Assert.All(names, name =>
        {
            Assert.Equal(_dir, Path.GetDirectoryName(name));
            Assert.StartsWith(".photo.", Path.GetFileName(name), StringComparison.Ordinal);
            Assert.EndsWith(".avif", name, StringComparison.Ordinal);
        });
        Assert.NotEqual(names[0], names[1]);
    }

    [Fact]
    public void A_writer_that_fails_halfway_leaves_the_old_file_as_it_was_and_no_temporary_file()
    {
        var file = Path.Combine(_dir, "memorial.wacz");
        File.WriteAllText(file, "the last good archive");

        var failure = Assert.Throws<IOException>(() => WholeFile.Replace(file, temporary =>
        {
            File.WriteAllText(temporary, "half of a new ");
            throw new IOException("the disk is full");
        }));

        Assert.Equal("the disk is full", failure.Message);
        Assert.Equal("the last good archive", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void A_new_file_is_made_when_none_was_there()
    {
        var file = Path.Combine(_dir, "probes.tsv");

        WholeFile.Replace(file, temporary => File.WriteAllText(temporary, "first"));

        Assert.Equal("first", File.ReadAllText(file));
    }
}
