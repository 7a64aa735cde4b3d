// Two folders of a pretend engine, for LayeringTests to prove it sees a reference against the grain.
namespace BlackJanuary.Tests.Architecture.Planted.Model
{
    internal sealed class Story
    {
        public string Title { get; } = "A fictional story from Examplefield";

        public void Publish() => new Output.Writer().Write(Title);
    }
}

namespace BlackJanuary.Tests.Architecture.Planted.Output
{
    internal sealed class Writer
    {
        private readonly List<int> _lengths = [];

        public void Write(string text) => _lengths.AddRange(new[] { text }.Select(t => new Model.Story().Title.Length + t.Length));
    }
}
