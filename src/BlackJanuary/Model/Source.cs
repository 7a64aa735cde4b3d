namespace BlackJanuary.Model;

/// <summary>A cited source; <see cref="Url"/> is empty for sources that are not online.</summary>
/// <param name="Language">The code of the language its title is written in, when given: a citation keeps its own language on every page.</param>
public sealed record Source(string Title, string Url, string Language = "");
