namespace BlackJanuary.Model;

/// <summary>A cited source; <see cref="Url"/> is empty for sources that are not online.</summary>
public sealed record Source(string Title, string Url);
