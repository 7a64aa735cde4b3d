// The synthetic memorial for Eleventy, with the same work as BlackJanuary's build: Markdown with
// heading ids and smart punctuation, escaped template output, a sitemap, an Atom feed of the
// 20 newest stories, a 404 page and robots.txt.
const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// GitHub-style ids for headings, as BlackJanuary, Hugo and Jekyll (kramdown) give them; repeats get -1, -2, ….
function headingIds(state) {
  const seen = new Map();
  for (let i = 0; i < state.tokens.length; i++) {
    const token = state.tokens[i];
    if (token.type !== "heading_open") continue;
    const text = state.tokens[i + 1].children.filter(t => t.type === "text" || t.type === "code_inline").map(t => t.content).join("");
    const slug = text.toLowerCase().trim().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s+/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    token.attrSet("id", count === 0 ? slug : `${slug}-${count}`);
  }
}

export default function (eleventyConfig) {
  let markdown;
  eleventyConfig.amendLibrary("md", md => {
    md.set({ typographer: true });
    md.core.ruler.push("heading_ids", headingIds);
    markdown = md;
  });
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });
  eleventyConfig.addPassthroughCopy("assets");

  eleventyConfig.addFilter("markdown", text => markdown.render(text));
  eleventyConfig.addFilter("isoDate", date => new Date(date).toISOString().slice(0, 10));
  eleventyConfig.addFilter("stamp", date => new Date(date).toISOString().slice(0, 19) + "Z");
  eleventyConfig.addFilter("dateText", date => {
    const d = new Date(date);
    return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  });
  eleventyConfig.addFilter("newest", (items, count) => [...items].sort((a, b) => b.date - a.date).slice(0, count));
  // Events sorted by date, then grouped into years: [{ year, events }].
  eleventyConfig.addFilter("byYear", events => {
    const years = [];
    for (const event of [...events].sort((a, b) => a.date.localeCompare(b.date))) {
      const year = event.date.slice(0, 4);
      if (years.length === 0 || years.at(-1).year !== year) years.push({ year, events: [] });
      years.at(-1).events.push(event);
    }
    return years;
  });

  return {
    // BlackJanuary runs no template language over page bodies.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    templateFormats: ["md", "njk"],
  };
}
