namespace BlackJanuary.Templates;

/// <summary>HTML the engine vouches for (rendered Markdown, JSON for script blocks): written unescaped.</summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}
