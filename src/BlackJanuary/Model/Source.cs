namespace BlackJanuary.Model;

/// <summary>A cited source; <see cref="Url"/> is empty for sources that are not online.</summary>
/// <param name="Title">The title as published, in its own language: the project's words about it go in the other fields.</param>
/// <param name="Language">The code of the language its title is written in, when given: a citation keeps its own language on every page.</param>
public sealed record Source(string Title, string Url, string Language = "")
{
    /// <summary>Who published it ("EU Today"), shown after the title; empty when not given.</summary>
    public string Publisher { get; init; } = "";

    /// <summary>When it was published, as precisely as known; shown in the page's language.</summary>
    public PartialDate? Date { get; init; }
}
