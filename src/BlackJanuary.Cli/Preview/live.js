// Live reload for 'blackjanuary serve' only; 'build' never writes this file into a site.
// The server sends 'problems' (a failed build's diagnostics, or none) on connect and after each
// build, and 'reload' when a build changed the site.
(() => {
  "use strict";
  const root = "/__blackjanuary/";
  // The build this page comes from; "0" is the page shown before the site has ever built.
  const build = document.currentScript ? document.currentScript.dataset.build : null;
  let overlay = null;

  function line(tag, className, text) {
    const el = document.createElement(tag);
    el.className = className;
    el.textContent = text;
    return el;
  }

  // The overlay waits for its stylesheet: unstyled, it would be a block at the end of the page
  // that the editor might never scroll to. A stylesheet that fails to load still lets it show.
  let styled = null;
  function stylesheet() {
    if (styled === null) {
      styled = new Promise(resolve => {
        const css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = root + "live.css";
        css.addEventListener("load", resolve);
        css.addEventListener("error", resolve);
        document.head.appendChild(css);
      });
    }
    return styled;
  }

  // The newest list wins: a save can arrive while the stylesheet of an older one is still loading.
  let latest = [];
  function show(problems) {
    latest = problems;
    if (problems.length === 0) {
      render(problems);
      return;
    }
    stylesheet().then(() => {
      if (latest === problems) {
        render(problems);
      }
    });
  }

  function render(problems) {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    if (problems.length === 0) {
      return;
    }
    overlay = document.createElement("section");
    overlay.id = "bj-problems";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-labelledby", "bj-problems-title");
    const errors = problems.filter(p => p.severity === "error").length;
    // Warnings alone fail a build only under --strict.
    const count = errors > 0 ? `${errors} error(s)` : `${problems.length} warning(s) with --strict`;
    const title = build === "0"
      ? `The site does not build yet: ${count}.`
      : `The last save did not build: ${count}. The page below is the last good build.`;
    overlay.appendChild(line("h2", "bj-title", title)).id = "bj-problems-title";
    for (const p of problems) {
      const item = document.createElement("div");
      item.className = "bj-problem bj-" + p.severity;
      item.appendChild(line("p", "bj-message", p.text));
      if (p.excerpt.length > 0) {
        const pre = document.createElement("pre");
        for (const l of p.excerpt) {
          pre.appendChild(line("span", l.number === p.line ? "bj-line bj-here" : "bj-line", `${String(l.number).padStart(5)} | ${l.text}\n`));
        }
        item.appendChild(pre);
      }
      overlay.appendChild(item);
    }
    overlay.appendChild(line("p", "bj-hint", "Fix the file and save: this message goes away by itself."));
    document.body.appendChild(overlay);
  }

  const events = new EventSource(root + "events");
  // Sent on every connection: a build finished between this page's load and now.
  events.addEventListener("build", e => {
    if (build !== null && e.data !== build) {
      location.reload();
    }
  });
  events.addEventListener("problems", e => show(JSON.parse(e.data)));
  events.addEventListener("reload", () => location.reload());
})();
