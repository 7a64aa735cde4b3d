namespace BlackJanuary.Model;

/// <summary>A main navigation entry; <see cref="Path"/> is site-relative ("timeline/", "" for home).</summary>
public sealed record NavItem(string Title, string Path);
