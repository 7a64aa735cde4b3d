namespace BlackJanuary.Model;

/// <summary>
/// One cue of a recording's WebVTT transcript, as the page shows it: plain text beside the time
/// that starts the player there. Styling and positioning are the player's business, so only what
/// was said, and who said it, is kept.
/// </summary>
/// <param name="Text">What was said, without tags and with character references decoded; a line break within the cue is '\n'.</param>
/// <param name="Voice">The speaker named by the cue's first &lt;v Name&gt; span, or "" when the cue names none.</param>
public sealed record TranscriptCue(TimeSpan Start, TimeSpan End, string Text, string Voice);
