// The Eleventy side of tests/bench/images.sh: 500 pages (pages/photo-NNNN.md, written by
// images.sh), each with its photo as a <picture> made by Eleventy Image in the "photo" shortcode of
// _includes/photo.njk: AVIF, WebP and JPEG at the widths of images.sh (never wider than the photo:
// Eleventy Image drops wider ones itself). Encoder settings are Eleventy Image's and sharp's
// defaults (JPEG quality 80, WebP 80, AVIF 50). Photos with an EXIF orientation of 5 to 8 are
// turned upright by Eleventy Image on its own.
//
// Eleventy Image skips a derivative whose output file (named by a hash of the photo's bytes and
// the encoder options) is already in the output folder: that is its cache between builds (.cache
// holds remote images only). So a warm build is a second build into the same output folder.
import path from "node:path";
import Image from "@11ty/eleventy-img";

export default function (eleventyConfig) {
  const output = () => eleventyConfig.directories.output;
  eleventyConfig.addShortcode("photo", async function (file, alt) {
    const metadata = await Image(path.join("photos", file), {
      widths: [320, 640, 1024, 1600],
      formats: ["avif", "webp", "jpeg"],
      outputDir: path.join(output(), "img"),
      urlPath: "/img/",
    });
    return Image.generateHTML(metadata, {
      alt,
      sizes: "(min-width: 1024px) 1024px, 100vw",
      loading: "lazy",
      decoding: "async",
    });
  });
  return {
    dir: { input: "pages", includes: "../_includes", output: "out" },
    markdownTemplateEngine: "njk",
  };
}
