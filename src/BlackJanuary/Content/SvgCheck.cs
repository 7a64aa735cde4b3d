using System.Text.RegularExpressions;
using System.Xml;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Content;

/// <summary>
/// Whether an SVG file is a picture and nothing more. An SVG opened from the site's own address is
/// a document that can run script, load from elsewhere and embed HTML, so a file that can is
/// refused rather than rewritten: a rewritten file is not the one the reviewer saw, and a cleaner
/// that reads XML differently from a browser would let through what it did not see. The editor
/// removes what the message names (an export as "plain SVG" usually does).
/// </summary>
internal static partial class SvgCheck
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string XLinkNamespace = "http://www.w3.org/1999/xlink";

    /// <summary>Namespaces whose elements a browser gives behaviour to inside SVG (HTML, MathML links, XSLT, XInclude, XML Events).</summary>
    private static readonly HashSet<string> ActiveNamespaces = new(StringComparer.Ordinal)
    {
        "http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML", "http://www.w3.org/1999/XSL/Transform",
        "http://www.w3.org/2001/XInclude", "http://www.w3.org/2001/xml-events",
    };

    /// <summary>The SVG elements of a static picture: no script, foreignObject, iframe, audio, video, set or handler.</summary>
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use", "switch", "a", "view", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "image",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "filter",
        "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
        "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
        "animate", "animateMotion", "animateTransform", "mpath",
    };

    /// <summary>What a CSS value may not hold: url() other than of the file's own '#id', @import, escapes that could spell either, and old script hooks.</summary>
    [GeneratedRegex(@"url\s*\(\s*['""]?\s*(?!#)|@import|\\|expression\s*\(|javascript:|behavior\s*:|-moz-binding", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeCss();

    /// <summary>A link within the file ('#id'), or a raster picture embedded in it, which a browser shows as an image and never runs.</summary>
    [GeneratedRegex(@"^\s*(#|data:image/(png|jpeg|gif|webp)[;,])", RegexOptions.IgnoreCase)]
    private static partial Regex LocalReference();

    public sealed record Finding(SourceLocation At, string Message);

    private const string Fix = "; remove it (an export as plain SVG usually does), or convert the picture to PNG or WebP";

    public static Finding? Problem(string file)
    {
        var settings = new XmlReaderSettings
        {
            // Entities can expand without bound and name files; an SVG picture needs neither.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        using var reader = XmlReader.Create(file, settings);
        var info = (IXmlLineInfo)reader;
        // An element's position is that of its name; its '<' is one before.
        SourceLocation Here() => new(file, info.LineNumber, reader.NodeType == XmlNodeType.Element ? info.LinePosition - 1 : info.LinePosition);
        var (inStyle, sawRoot) = (false, false);
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.ProcessingInstruction:
                        return new Finding(Here(), $"the SVG has the processing instruction <?{reader.Name}?>, which can apply a stylesheet that runs code{Fix}");
                    case XmlNodeType.Element:
                        if (ElementProblem(reader, sawRoot) is { } element)
                        {
                            return new Finding(Here(), element + Fix);
                        }

                        sawRoot = true;
                        inStyle = reader.LocalName == "style" && !reader.IsEmptyElement;
                        if (AttributeProblem(reader) is { } attribute)
                        {
                            return new Finding(Here(), attribute + Fix);
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when inStyle && UnsafeCss().IsMatch(reader.Value):
                        return new Finding(Here(), "the SVG's <style> loads from elsewhere (url(), @import) or hides what it does with escapes" + Fix);
                    case XmlNodeType.EndElement:
                        inStyle = false;
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            var message = e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "the SVG has a DOCTYPE, whose entities can expand without bound or name other files"
                : $"the SVG is not well-formed XML ({e.Message}), and a browser would not show it";
            return new Finding(e.LineNumber > 0 ? new SourceLocation(file, e.LineNumber, e.LinePosition) : new SourceLocation(file), message + Fix);
        }

        return sawRoot ? null : new Finding(new SourceLocation(file), "the file has no <svg> element, so it is not an SVG picture" + Fix);
    }

    private static string? ElementProblem(XmlReader reader, bool sawRoot)
    {
        if (!sawRoot && (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace))
        {
            return $"the file's root element is <{reader.Name}>, not an <svg> in the SVG namespace, so a browser would read it as another kind of document";
        }

        if (reader.NamespaceURI == SvgNamespace ? !Elements.Contains(reader.LocalName) : ActiveNamespaces.Contains(reader.NamespaceURI))
        {
            return $"the SVG has a <{reader.Name}> element, which can run script or show a page inside the picture";
        }

        return null;
    }

    /// <summary>What is wrong with an attribute of the reader's element; the reader stays on that attribute, for its place.</summary>
    private static string? AttributeProblem(XmlReader reader)
    {
        var animated = reader.NamespaceURI == SvgNamespace;
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            var (name, value) = (reader.LocalName, reader.Value);
            if (reader.NamespaceURI == "http://www.w3.org/2000/xmlns/")
            {
                continue;
            }

            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                return $"the SVG has the event handler {reader.Name}, which runs code";
            }

            if (name == "href" && (reader.NamespaceURI.Length == 0 || reader.NamespaceURI == XLinkNamespace) && !LocalReference().IsMatch(value))
            {
                return $"the SVG's {reader.Name}=\"{value}\" refers to something outside the file, which a browser would load or follow";
            }

            if (animated && name == "attributeName" && value.Contains("href", StringComparison.OrdinalIgnoreCase))
            {
                return "the SVG animates a link's address, which can turn it into code";
            }

            if (UnsafeCss().IsMatch(value))
            {
                return $"the SVG's {reader.Name} attribute loads from elsewhere (url(), @import) or hides what it does with escapes";
            }
        }

        reader.MoveToElement();
        return null;
    }
}
