namespace BlackJanuary.Model;

public static class SecurityPolicy
{
    /// <summary>
    /// The Content-Security-Policy of every page: only the site's own files, no inline script or
    /// style, nothing framed, nothing sent elsewhere. Emitted both in a meta tag (for hosts without
    /// header control, such as GitHub Pages) and in _headers (for hosts that read it).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'";
}
