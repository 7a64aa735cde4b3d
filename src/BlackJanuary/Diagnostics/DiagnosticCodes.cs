namespace BlackJanuary.Diagnostics;

/// <summary>
/// Every diagnostic code in one place. Codes are stable: documentation and editors' searches rely
/// on them, so a code is never reused for another meaning. See docs/diagnostics.md.
/// </summary>
public static class DiagnosticCodes
{
    // BJ1xxx: reading files.
    public const string FileUnreadable = "BJ1001";
    public const string InvalidUtf8 = "BJ1002";
    public const string FileTooLarge = "BJ1003";
    public const string YamlSyntax = "BJ1004";
    public const string YamlTooComplex = "BJ1005";
    public const string FrontMatterUnclosed = "BJ1006";
    public const string MissingInput = "BJ1007";
    public const string ForbiddenCharacter = "BJ1008";
    public const string DuplicateKey = "BJ1009";
    public const string EmptyPage = "BJ1010";
    public const string NotARegularFile = "BJ1011";
    public const string WrongEntryKind = "BJ1012";
    public const string SecondYamlDocument = "BJ1013";
    public const string UnknownYamlTag = "BJ1014";
    // CSV data files (content/people.csv): a quote that never closes, text after a closing quote,
    // a row whose cells do not match the header, a header without names or with one twice.
    public const string CsvQuoteUnclosed = "BJ1015";
    public const string CsvTextAfterQuote = "BJ1016";
    public const string CsvCellCount = "BJ1017";
    public const string CsvBadHeader = "BJ1018";
    public const string MediaTypeRefused = "BJ1020";
    public const string MediaContentMismatch = "BJ1021";
    public const string MediaSvgActive = "BJ1022";
    public const string MediaTooLarge = "BJ1023";
    public const string ImageTooLarge = "BJ1024";
    public const string MediaUnreadable = "BJ1025";
    public const string AnimatedImage = "BJ1026";
    public const string TranscriptSyntax = "BJ1027";

    // BJ2xxx: content and configuration values.
    public const string MissingField = "BJ2001";
    public const string WrongType = "BJ2002";
    public const string InvalidDate = "BJ2003";
    public const string DuplicateUrl = "BJ2004";
    public const string DuplicateEventId = "BJ2005";
    public const string UnknownKey = "BJ2006";
    public const string InvalidSlug = "BJ2007";
    public const string InvalidValue = "BJ2008";
    public const string UnsafePath = "BJ2009";
    public const string TimelineNotShown = "BJ2010";
    public const string UnknownContentEntry = "BJ2011";
    public const string SlugTooLong = "BJ2012";
    public const string LookAlikeAddress = "BJ2013";
    public const string DuplicatePersonId = "BJ2014";
    public const string UnknownEvent = "BJ2015";
    public const string InvalidAlias = "BJ2020";
    public const string InvalidUrlsLock = "BJ2021";

    // BJ3xxx: links and rendered content.
    public const string BrokenLink = "BJ3001";
    public const string UnsafeLink = "BJ3002";
    public const string DuplicateId = "BJ3003";
    public const string MarkdownTooDeep = "BJ3004";
    public const string ThirdPartyImage = "BJ3005";
    public const string MissingImage = "BJ3006";
    public const string MissingAltText = "BJ3007";
    public const string DuplicateTitle = "BJ3008";
    public const string MalformedExternalLink = "BJ3009";
    public const string BrokenExternalLink = "BJ3010";
    public const string RawHtmlRemoved = "BJ3011";
    public const string MarkdownTooSlow = "BJ3012";
    public const string MissingCredit = "BJ3013";
    public const string MissingSource = "BJ3014";
    public const string UnarchivedSource = "BJ3020";
    public const string BrokenArchivedSource = "BJ3021";
    public const string LostAddress = "BJ3022";
    public const string InvalidLanguageAttribute = "BJ3030";

    // BJ4xxx: templates.
    public const string TemplateSyntax = "BJ4001";
    public const string UnknownLayout = "BJ4002";
    public const string TemplateRuntime = "BJ4003";
    public const string MissingTemplate = "BJ4004";
    public const string MissingUiString = "BJ4005";
    public const string UiStringsInvalid = "BJ4006";
    public const string TemplateRegexTimeout = "BJ4007";

    // BJ5xxx: writing output.
    public const string OutputFailed = "BJ5001";

    // BJ6xxx: authoring (new).
    public const string NewFileExists = "BJ6001";
    public const string NewPathInvalid = "BJ6002";
    public const string TimelineNotAppendable = "BJ6003";
    public const string NewContentNotReadBack = "BJ6004";
    public const string NewWriteFailed = "BJ6005";
}
