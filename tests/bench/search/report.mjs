// Prints the tables of the search benchmark (tests/bench/search.sh) from the folders it measured:
// each holds build.json (written by search.sh) and measure.json (measure.mjs).
//
//   node tests/bench/search/report.mjs WORKDIR...
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const kb = (b) => (b / 1024).toFixed(1);
const exit = (s) => (s === 0 ? '0' : s === -1 ? 'not run' : s === 124 ? 'stopped (time)' : s === 125 ? 'stopped (memory)' : `${s} (failed)`);
for (const dir of process.argv.slice(2)) {
  const build = JSON.parse(await readFile(join(dir, 'build.json'), 'utf8'));
  const measure = await readFile(join(dir, 'measure.json'), 'utf8').then(JSON.parse).catch(() => null);
  const title = build.kind === 'pages' ? `${build.n.toLocaleString('en')} story pages (English)` : `${build.n.toLocaleString('en')} people (az, en, ru)`;
  console.log(`### ${title}: ${build.html.toLocaleString('en')} HTML files\n`);
  console.log('| | exit | wall s | peak MiB | index files | index bytes | load average (1, 5, 15 min) before → after |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  const b = build.blackjanuary;
  console.log(`| BlackJanuary, whole build (its search index included) | ${exit(b.status)} | ${b.wall} | ${b.mib} | ${b.files} | ${b.bytes.toLocaleString('en')} | ${b.load} |`);
  const p = build.pagefind;
  if (p.full) {
    console.log(`| Pagefind over the whole site | ${exit(p.full.status)} | ${p.full.status === 125 ? '> ' : ''}${p.full.wall} | ${p.full.mib} | – | – | ${p.full.load} |`);
  }
  for (const part of p.split ?? []) {
    console.log(`| Pagefind, one language: ${part.language || part.part} (${(part.pages ?? 0).toLocaleString('en')} pages) | ${exit(part.status)} | ${part.wall} | ${part.mib} | | | |`);
  }
  const how = p.split?.length ? `, ${p.split.length} runs (one per language): time summed, the highest peak` : ' over the built site';
  console.log(`| Pagefind${p.pages ? ` (${p.pages.toLocaleString('en')} pages)` : ''}${how} | ${exit(p.status)} | ${p.wall} | ${p.mib} | ${p.files} (without its UIs: ${p.dataFiles}) | ${p.bytes.toLocaleString('en')} (without its UIs: ${p.dataBytes.toLocaleString('en')}) | ${p.load} |`);
  if (b.languages) console.log(`\nBlackJanuary's search-index/ per language (files, bytes): ${b.languages.split(';').filter(Boolean).join('; ')}`);
  if (!measure) {
    console.log('\nNo browser measurement.\n');
    continue;
  }
  console.log(`\nIn Chromium ${measure.chromium}, ${measure.runs} run(s) per query (time: median), each a first visit (empty cache); load average ${build.measureLoad}.`);
  console.log('Bytes: body bytes as sent (gzip for text; Pagefind\'s files as they are), then uncompressed, in KB (1,024 bytes), without response headers.');
  console.log('index: ours /search-index/…; Pagefind pagefind-entry.json, the WebAssembly, .pf_meta, .pf_index, .pf_fragment. script: the .js files. page: HTML, CSS and the rest.\n');
  console.log('| query | on page | engine | found (rank) | results | ms to results (from the search’s first request) | index KB sent (uncompressed) | index requests | script KB sent | page KB sent | total KB sent |');
  console.log('|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
  const problems = [];
  for (const q of measure.queries) {
    for (const [engine, e] of Object.entries(q.engines)) {
      const total = e.wire.index + e.wire.script + e.wire.page;
      const found = e.found ? `yes (${e.rank})` : e.rank ? `no (rank ${e.rank})` : 'no';
      console.log(`| ${q.q} (${q.page === '/search/' ? q.lang : q.page}) | ${q.onPage ? 'yes' : 'no'} | ${engine === 'ours' ? 'BlackJanuary' : 'Pagefind'} | ${found} | ${e.count ?? '–'} | ${Number.isFinite(e.ms) ? Math.round(e.ms) : '–'} (${Number.isFinite(e.searchMs) ? Math.round(e.searchMs) : '–'}) | ${kb(e.wire.index)} (${kb(e.size.index)}) | ${e.requests.index} | ${kb(e.wire.script)} | ${kb(e.wire.page)} | ${kb(total)} |`);
      if (e.problems.length) problems.push(`- ${engine}, "${q.q}": ${e.problems.join('; ')}`);
      if (!e.sameBytesEveryRun) problems.push(`- ${engine}, "${q.q}": the runs did not transfer the same bytes`);
      if (e.state !== 'done') problems.push(`- ${engine}, "${q.q}": state ${e.state}`);
    }
  }
  if (problems.length) console.log(`\nProblems seen in the browser:\n${problems.join('\n')}`);
  console.log('');
}
