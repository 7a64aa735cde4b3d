// The search page's script (BlackJanuary, issue 21). It answers what is typed, and the q= of the
// page's address, from the index the engine wrote for this language (#search's data-index):
// meta.json first, then only the shards of the typed words' keys and the chunks of the results
// shown. No framework, no inline code, no eval, no WebAssembly: it runs under the site's
// Content-Security-Policy as it is, and nothing it fetches leaves the site.
//
// normaliser() applies the engine's table of rules (src/BlackJanuary/Search/rules.json, shipped
// in meta.json) exactly as the engine's SearchRules does when it indexes, so that a word typed
// in any spelling meets the words of the pages at one key. A test runs both over the same words.

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const MARK = /\p{M}/u;
const WORD = /[\p{L}\p{N}\p{M}'’ʼʻ`´]+/gu;

const byLengthThenName = ([a], [b]) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

export function normaliser(rules) {
  const lower = new Map(Object.entries(rules.lower));
  const letters = new Map(Object.entries(rules.letters));
  const joiners = new Set(rules.joiners);
  const sequences = Object.entries(rules.sequences).sort(byLengthThenName);
  const classes = new Map(Object.entries(rules.classes));
  const vowels = new Set(rules.vowels);
  const palatal = new Set(rules.palatal);
  const endings = Object.entries(rules.endings).sort(byLengthThenName);
  const consonant = (c) => LETTER.test(c) && !vowels.has(c);

  function words(text) {
    let spelled = "";
    for (const ch of text) {
      if (lower.has(ch)) {
        spelled += lower.get(ch);
        continue;
      }
      const l = ch.toLowerCase();
      spelled += letters.has(l) ? letters.get(l) : l;
    }
    const found = [];
    let word = "";
    for (const ch of spelled.normalize("NFD")) {
      if (MARK.test(ch) || joiners.has(ch)) continue;
      if (LETTER_OR_DIGIT.test(ch)) {
        word += ch;
      } else if (word) {
        found.push(word);
        word = "";
      }
    }
    if (word) found.push(word);
    return found;
  }

  function key(word) {
    let sounds = "";
    for (let i = 0; i < word.length; ) {
      const hit = sequences.find(([from]) => word.startsWith(from, i));
      if (hit) {
        sounds += hit[1];
        i += hit[0].length;
      } else {
        sounds += classes.has(word[i]) ? classes.get(word[i]) : word[i];
        i++;
      }
    }
    const k = [];
    for (let i = 0; i < sounds.length; i++) {
      if (i > 0 && sounds[i] === sounds[i - 1] && LETTER.test(sounds[i])) continue;
      k.push(sounds[i]);
    }
    for (let i = k.length - 2; i >= 1; i--) {
      if (k[i] === "i" && palatal.has(k[i + 1]) && consonant(k[i - 1])) k.splice(i, 1);
    }
    const keyed = k.join("");
    if (keyed.length >= rules.endings_min) {
      for (const [from, to] of endings) {
        if (keyed.endsWith(from)) return keyed.slice(0, keyed.length - from.length) + to;
      }
    }
    return keyed;
  }

  return { words, key, keys: (text) => words(text).map(key).filter((k) => k.length > 0) };
}

// One edit apart (a letter added, dropped, changed, or two neighbours swapped), or equal.
export function withinOneEdit(a, b) {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// How well an indexed key answers a typed word; 0 is not at all. The word being typed (the last)
// matches the start of a key; a word of five letters or more forgives one typing error.
export function scoreOf(term, token) {
  if (token === term.key) return 4;
  if (term.typing && token.startsWith(term.key)) return 3;
  if (term.key.length >= 5 && withinOneEdit(term.key, token)) return 2;
  if (term.typing && term.key.length >= 5 && token.length > term.key.length && withinOneEdit(term.key, token.slice(0, term.key.length))) return 1;
  return 0;
}

// The terms of a query: each word's key; the last word, still being typed, also as a prefix.
export function termsOf(query, norm) {
  const words = norm.words(query);
  const typing = !/\s$/u.test(query);
  return words
    .map((w, i) => ({ key: norm.key(w), typing: typing && i === words.length - 1 }))
    .filter((t) => t.key.length >= 2);
}

const PAGE = 20;

function start() {
  const root = document.getElementById("search");
  const form = document.querySelector(".search-form");
  const input = document.getElementById("search-q");
  if (!root || !form || !input) return;
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const t = (name) => root.dataset["t" + name[0].toUpperCase() + name.slice(1)] || "";
  const language = root.dataset.language || document.documentElement.lang;
  const plural = new Intl.PluralRules(language);
  const base = new URL(root.dataset.index, location.href);
  const cache = new Map();
  let meta = null;
  let norm = null;
  let run = 0;
  let shown = [];
  let terms = [];

  const json = (path) => {
    const url = new URL(path, base).href;
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then((r) => {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.json();
      }));
    }
    return cache.get(url);
  };

  function say(state, text, count) {
    status.dataset.state = state;
    if (count === undefined) delete status.dataset.count;
    else status.dataset.count = String(count);
    status.textContent = text;
  }

  // The shard of a key: the one named by its longest prefix of three, two or one letters (a pair
  // of surrogates is one letter, as the engine counts them).
  function shardOf(key) {
    const letters = Array.from(key);
    const stem = [3, 2, 1].map((n) => meta.shards[letters.slice(0, n).join("")]).find(Boolean);
    return stem ? json("t/" + stem + ".json") : Promise.resolve([]);
  }

  async function find(query) {
    meta ??= await json(root.dataset.index);
    norm ??= normaliser(meta.rules);
    terms = termsOf(query, norm);
    if (terms.length === 0) return null;
    const shards = await Promise.all(terms.map((term) => shardOf(term.key)));
    let scores = null;
    terms.forEach((term, n) => {
      const best = new Map();
      for (const [token, deltas] of shards[n]) {
        const score = scoreOf(term, token);
        if (score === 0) continue;
        let value = 0;
        for (const delta of deltas) {
          value += delta;
          const doc = value >> 1;
          const s = score + (value & 1);
          if ((best.get(doc) ?? 0) < s) best.set(doc, s);
        }
      }
      if (scores === null) {
        scores = best;
      } else {
        for (const [doc, s] of scores) {
          if (best.has(doc)) scores.set(doc, s + best.get(doc));
          else scores.delete(doc);
        }
      }
    });
    return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([doc]) => doc);
  }

  async function docs(ids) {
    const chunks = await Promise.all([...new Set(ids.map((id) => Math.floor(id / meta.chunk)))].map(async (c) => [c, await json("d/" + meta.docs[c] + ".json")]));
    const byChunk = new Map(chunks);
    return ids.map((id) => byChunk.get(Math.floor(id / meta.chunk))[id % meta.chunk]);
  }

  // The text with every word that answers the query in <mark>, built as nodes: no HTML is parsed.
  function marked(parent, text) {
    let at = 0;
    for (const match of text.matchAll(WORD)) {
      const hit = norm.words(match[0]).some((w) => terms.some((term) => scoreOf(term, norm.key(w)) > 0));
      if (!hit) continue;
      parent.append(text.slice(at, match.index));
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      parent.append(mark);
      at = match.index + match[0].length;
    }
    parent.append(text.slice(at));
  }

  function item([type, url, title, titleLanguage, date, place, snippet, snippetLanguage]) {
    const li = document.createElement("li");
    li.className = "search-result search-" + type;
    const link = document.createElement("a");
    link.href = url;
    link.lang = titleLanguage;
    marked(link, title);
    const heading = document.createElement("p");
    heading.className = "search-result-title";
    heading.append(link);
    const about = document.createElement("p");
    about.className = "search-result-meta";
    about.textContent = [t(type), date, place].filter(Boolean).join(" · ");
    li.append(heading, about);
    if (snippet) {
      const text = document.createElement("p");
      text.className = "search-result-snippet";
      text.lang = snippetLanguage;
      marked(text, snippet);
      li.append(text);
    }
    return li;
  }

  async function show(from, mine) {
    const page = await docs(shown.slice(from, from + PAGE));
    if (mine !== run) return;
    list.append(...page.map(item));
    more.hidden = shown.length <= from + PAGE;
  }

  async function search(query, mine) {
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    if (!query.trim()) {
      say("idle", "");
      return;
    }
    say("loading", t("searching"));
    try {
      const found = await find(query);
      if (mine !== run) return;
      if (found === null) {
        say("done", t("short"), 0);
        return;
      }
      shown = found;
      const words = { q: query.trim(), n: found.length.toLocaleString(language) };
      if (found.length === 0) {
        say("done", t("none").replace("{q}", words.q), 0);
        return;
      }
      await show(0, mine);
      if (mine !== run) return;
      list.hidden = false;
      const text = t(plural.select(found.length)) || t("other");
      say("done", text.replace("{q}", words.q).replace("{n}", words.n), found.length);
    } catch (error) {
      if (mine === run) say("error", t("error"));
      console.warn(error);
    }
  }

  let timer = 0;
  function later(query) {
    clearTimeout(timer);
    // Stale results are not "done" while the next query waits; the words change when it runs.
    status.dataset.state = "loading";
    const mine = ++run;
    timer = setTimeout(() => search(query, mine), 150);
  }

  function remember(query) {
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
  }

  input.addEventListener("input", () => {
    remember(input.value);
    later(input.value);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    remember(input.value);
    clearTimeout(timer);
    search(input.value, ++run);
  });
  more.addEventListener("click", () => {
    const next = list.children.length;
    show(next, run).then(() => list.children[next]?.querySelector("a")?.focus());
  });

  // Arrow keys move between the field and the results' links, as in a list of suggestions.
  const links = () => [...list.querySelectorAll("a")];
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && !list.hidden) {
      links()[0]?.focus();
      event.preventDefault();
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && at + 1 < all.length) all[at + 1].focus();
    else if (event.key === "ArrowUp") (at > 0 ? all[at - 1] : input).focus();
    else if (event.key === "Escape") input.focus();
    else return;
    event.preventDefault();
  });

  const query = new URL(location.href).searchParams.get("q") ?? "";
  if (query) {
    input.value = query;
    search(query, ++run);
  }
}

if (typeof document !== "undefined") start();
