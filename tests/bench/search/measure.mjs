// The browser half of the search benchmark (tests/bench/search.sh): serves a built BlackJanuary
// site and a copy of it indexed by Pagefind (server.mjs, gzip like a host), opens each fixed query
// in Chromium (playwright-core, Debian's /usr/bin/chromium) on each engine, and writes what each
// query transferred, how long it took to show results and whether the expected person or page was
// among them.
//
//   node tests/bench/search/measure.mjs --ours SITE --pagefind OVERLAY,SITE --queries FILE --out FILE.json [--runs N] [--engines ours,pagefind]
//
// OVERLAY holds pagefind/ (Pagefind's bundle, made with --output-path) and pagefind-harness/index.html;
// it is served over SITE (server.mjs), as a copy of the site with them inside would be.
//
// Each query is a fresh browser context (an empty cache, as a first visit) that opens
//   ours:      <prefix>/search/?q=QUERY   (BlackJanuary's search page, under the site's own CSP)
//   pagefind:  /pagefind-harness/?lang=LANG&q=QUERY   (pagefind-harness.html: import, search, first 10 results' data)
// and waits for #search-status[data-state=done], then for the network to be quiet for 500 ms. The
// time is performance.now() when data-state became "done" (a MutationObserver installed before
// the page's scripts run): milliseconds from the start of the navigation to the results shown, and
// from the search's first request (resource timing) to the results shown.
// Bytes come from the server's log of that context's requests: "wire" is the body as sent
// (gzipped for text; Pagefind's files as they are), "size" the same bodies uncompressed, headers
// apart. Requests are grouped as index (ours: /search-index/…; Pagefind: pagefind-entry.json, the
// .pagefind WebAssembly and the .pf_* files), script (the .js files: ours, the page's modules;
// Pagefind, pagefind.js and its worker) and page (the rest: HTML, CSS, icons).
// A query runs RUNS times (default 3): the time is the median, the bytes are the first run's (the
// runs are checked to transfer the same bytes).
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve } from './server.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
if (!args.queries || !args.out || (!args.ours && !args.pagefind)) {
  console.error('usage: node measure.mjs --ours DIR --pagefind DIR --queries FILE --out FILE.json [--runs N] [--engines ours,pagefind]');
  process.exit(2);
}
const runs = Number(args.runs ?? 3);
const engines = (args.engines ?? 'ours,pagefind').split(',').filter((e) => args[e]);
const require = createRequire(process.env.BJ_SEARCH_NODE_MODULES ? process.env.BJ_SEARCH_NODE_MODULES + '/' : import.meta.url);
const { chromium } = require('playwright-core');
const spec = JSON.parse(await readFile(args.queries, 'utf8'));

const servers = {};
for (const engine of engines) {
  servers[engine] = await serve(args[engine].split(','));
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const version = browser.version();

// Before any script of the page: the moment #search-status first says "done", and its count.
const observer = () => {
  const look = () => {
    const s = document.getElementById('search-status');
    if (s && (s.dataset.state === 'done' || s.dataset.state === 'error') && !window.__searchDone) {
      window.__searchDone = { at: performance.now(), state: s.dataset.state, count: s.dataset.count };
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-count', 'id'] });
};

function group(engine, path) {
  if (engine === 'ours') {
    if (path.startsWith('/search-index/')) return 'index';
  } else if (path.startsWith('/pagefind/') && !/\.m?js$/.test(path)) {
    return 'index';
  }
  return /\.m?js$/.test(path) ? 'script' : 'page';
}

async function quiet(log, ms) {
  let last = log.length;
  let since = Date.now();
  while (Date.now() - since < ms) {
    await new Promise((r) => setTimeout(r, 50));
    if (log.length !== last) {
      last = log.length;
      since = Date.now();
    }
  }
}

async function once(engine, query) {
  const { port, log } = servers[engine];
  log.length = 0;
  const base = `http://127.0.0.1:${port}`;
  const url = engine === 'ours'
    ? `${base}${query.page}?q=${encodeURIComponent(query.q)}`
    : `${base}/pagefind-harness/?lang=${encodeURIComponent(query.lang)}&q=${encodeURIComponent(query.q)}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.addInitScript(observer);
  let timedOut = false;
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__searchDone, null, { timeout: 60_000, polling: 50 });
  } catch (e) {
    timedOut = true;
    problems.push(`no results within 60 s: ${e.message.split('\n')[0]}`);
  }
  await quiet(log, 500);
  const shown = await page.evaluate(() => ({
    done: window.__searchDone ?? null,
    // The search's first request (ours: /search-index/…; Pagefind: pagefind.js), from the page's resource timing.
    searchStart: Math.min(...performance.getEntriesByType('resource').filter((r) => /\/(search-index|pagefind)\//.test(new URL(r.name).pathname)).map((r) => r.startTime)),
    pagefind: window.__pagefind ?? null,
    status: document.getElementById('search-status')?.textContent?.trim() ?? null,
    finalState: document.getElementById('search-status')?.dataset.state ?? null,
    finalCount: document.getElementById('search-status')?.dataset.count ?? null,
    results: [...document.querySelectorAll('#search-results li')].map((li) => {
      const a = li.querySelector('a');
      return { text: (a?.textContent ?? '').replace(/\s+/g, ' ').trim(), href: a ? new URL(a.getAttribute('href'), location.href).pathname : null };
    }),
  })).catch((e) => ({ error: String(e) }));
  await context.close();
  const requests = log.map((r) => ({ ...r, group: group(engine, r.path) }));
  for (const r of requests) {
    if (r.status >= 400) problems.push(`HTTP ${r.status}: ${r.path}`);
  }
  return { url, timedOut, shown, requests, problems };
}

// The rank (1…) of the first result that is the expected page (url, without its #fragment), has the
// expected name in its title, or (words) is a page of the site whose text holds every word; else null.
const texts = new Map();
async function pageText(dirs, href) {
  const file = join(dirs.split(',').at(-1), href.endsWith('/') ? href + 'index.html' : href);
  if (!texts.has(file)) {
    const html = await readFile(file, 'utf8').catch(() => '');
    texts.set(file, html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').normalize('NFC').toLocaleLowerCase());
  }
  return texts.get(file);
}
async function found(query, results, dir) {
  const names = [query.expect.name].flat().filter(Boolean).map((n) => n.normalize('NFC').toLocaleLowerCase());
  const urls = [query.expect.url].flat().filter(Boolean);
  const words = (query.expect.words ?? []).map((w) => w.normalize('NFC').toLocaleLowerCase());
  for (const [i, r] of results.entries()) {
    if (names.some((n) => r.text.normalize('NFC').toLocaleLowerCase().includes(n)) || urls.includes(r.href)) return i + 1;
    if (words.length && r.href && i < 10) {
      const text = await pageText(dir, decodeURIComponent(r.href));
      if (words.every((w) => text.includes(w))) return i + 1;
    }
  }
  return null;
}

const sum = (rs, g, key) => rs.filter((r) => !g || r.group === g).reduce((s, r) => s + r[key], 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const out = { chromium: version, runs, site: spec.site, queries: [] };
for (const query of spec.queries) {
  const row = { ...query, engines: {} };
  for (const engine of engines) {
    const tries = [];
    for (let i = 0; i < runs; i++) {
      tries.push(await once(engine, query));
    }
    const first = tries[0];
    const results = first.shown.results ?? [];
    const rank = await found(query, results, args[engine]);
    const bytes = (t) => sum(t.requests, null, 'wire');
    const summary = {
      url: first.url,
      ms: median(tries.map((t) => t.shown.done?.at ?? NaN)),
      // From the search's first request to the results shown: the search without the page's own load.
      searchMs: median(tries.map((t) => (t.shown.done && Number.isFinite(t.shown.searchStart) ? t.shown.done.at - t.shown.searchStart : NaN))),
      msAll: tries.map((t) => (t.shown.done ? Math.round(t.shown.done.at) : null)),
      state: first.shown.done?.state ?? first.shown.finalState,
      count: first.shown.done?.count ?? first.shown.finalCount,
      finalCount: first.shown.finalCount,
      status: first.shown.status,
      shownResults: results.length,
      rank,
      found: rank !== null && rank <= 10,
      top: results.slice(0, 5),
      pagefind: first.shown.pagefind,
      wire: { index: sum(first.requests, 'index', 'wire'), script: sum(first.requests, 'script', 'wire'), page: sum(first.requests, 'page', 'wire'), headers: sum(first.requests, null, 'headers') },
      size: { index: sum(first.requests, 'index', 'size'), script: sum(first.requests, 'script', 'size'), page: sum(first.requests, 'page', 'size') },
      requests: { index: first.requests.filter((r) => r.group === 'index').length, script: first.requests.filter((r) => r.group === 'script').length, page: first.requests.filter((r) => r.group === 'page').length },
      sameBytesEveryRun: tries.every((t) => bytes(t) === bytes(first)),
      problems: [...new Set(tries.flatMap((t) => t.problems))],
      log: first.requests.map(({ path, status, wire, size, group: g }) => ({ path, status, wire, size, group: g })),
    };
    row.engines[engine] = summary;
    console.log(`${spec.site} ${engine.padEnd(8)} ${JSON.stringify(query.q).padEnd(22)} ${summary.found ? 'found  ' : 'MISSING'} rank ${String(rank ?? '-').padStart(3)} count ${String(summary.count).padStart(6)} ${String(Math.round(summary.ms)).padStart(6)} ms  index ${(summary.wire.index / 1024).toFixed(1)} KB, script ${(summary.wire.script / 1024).toFixed(1)} KB, page ${(summary.wire.page / 1024).toFixed(1)} KB${summary.problems.length ? `  problems: ${summary.problems.length}` : ''}`);
  }
  out.queries.push(row);
}
await browser.close();
for (const { server } of Object.values(servers)) server.close();
await writeFile(args.out, JSON.stringify(out, null, 1));
