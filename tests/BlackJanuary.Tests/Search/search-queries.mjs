// Runs the site's own search script (templates/assets/js/search.js) over queries.txt in Node:
//   node search-queries.mjs SEARCH_JS RULES_JSON ENGINE_KEYS_JSON QUERIES_TXT
// ENGINE_KEYS_JSON, written by SearchRulesTests, has for every word or phrase of queries.txt the
// engine's keys (what it indexes) and its keys for a query. The script checks that its keys are
// the engine's, and that each "Q → W" is found and each "Q ✗ W" is not, as the search page
// scores a page with the words W. Prints every failure; exits 1 when there is one.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [searchJs, rulesJson, keysJson, queriesTxt] = process.argv.slice(2);
const { normaliser, termsOf, scoreOf } = await import(pathToFileURL(searchJs).href);
const norm = normaliser(JSON.parse(readFileSync(rulesJson, "utf8")));
const engine = JSON.parse(readFileSync(keysJson, "utf8"));
const failures = [];
let checked = 0;

for (const [text, { keys }] of Object.entries(engine)) {
  const mine = norm.keys(text);
  checked++;
  if (JSON.stringify(mine) !== JSON.stringify(keys)) failures.push(`keys of "${text}": script ${JSON.stringify(mine)}, engine ${JSON.stringify(keys)}`);
}

for (const line of readFileSync(queriesTxt, "utf8").split("\n")) {
  const m = /^(.+?) (→|✗) (.+)$/u.exec(line.trim());
  if (!m || line.startsWith("#")) continue;
  const [, query, arrow, words] = m;
  const tokens = engine[words].indexed;
  const terms = termsOf(query, norm);
  const found = terms.length > 0 && terms.every((term) => tokens.some((token) => scoreOf(term, token) > 0));
  checked++;
  if (found !== (arrow === "→")) failures.push(`"${query}" ${found ? "finds" : "does not find"} "${words}" (query keys ${JSON.stringify(terms.map((t) => t.key))}, indexed ${JSON.stringify(tokens)})`);
}

console.log(`${checked} checks, ${failures.length} failed`);
for (const failure of failures) console.log(failure);
process.exit(failures.length ? 1 : 0);
