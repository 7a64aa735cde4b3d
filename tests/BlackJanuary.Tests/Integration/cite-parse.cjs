// Reads cite files with citation-js, a parser we did not write, and prints what it understood as
// CSL-JSON, one line per file: node cite-parse.cjs MODULES_DIR FILE...
// The format is the file's: .bib as biblatex, .ris as RIS. A file it cannot read exits non-zero.
const path = require('node:path');
const fs = require('node:fs');
const [modules, ...files] = process.argv.slice(2);
const load = name => require(path.join(modules, 'node_modules', name));
const { Cite } = load('@citation-js/core');
load('@citation-js/plugin-bibtex');
load('@citation-js/plugin-ris');

const types = { '.bib': '@biblatex/text', '.ris': '@ris/file' };
for (const file of files) {
  const type = types[path.extname(file)];
  if (!type) throw new Error(`no parser for ${file}`);
  const cite = new Cite(fs.readFileSync(file, 'utf8'), { forceType: type });
  if (cite.data.length !== 1) throw new Error(`${file}: ${cite.data.length} entries, not 1`);
  process.stdout.write(JSON.stringify(cite.data[0]) + '\n');
}
