// The search itself, without the page: Pagefind's JS API plus what makes it trustworthy
// for this site. search.js lays the results out; bench/search_quality.py measures them.
//
// - Every spelling: a query word that is an alias of an entity ("Witkov", "Zelenskyy") is
//   replaced by the canonical name, and a word Pagefind finds nothing for is corrected to the
//   nearest name ("Witkof" -> "Witkoff"); the page says "Showing results for …". Articles
//   also carry every name of what they mention as hidden terms, so aliases find them anyway.
// - Articles and topics first: pages of those types weigh PRIMARY_WEIGHT times their score.
// - Sorting by date puts the articles in date order, then the other pages (dated by their
//   latest article), then any undated page, instead of dropping them as Pagefind does.

import { openIndex } from "./search-shards.js";

// Pages of these types weigh this many times their score; the rest (people, places, sources) 1.
export const TYPE_WEIGHTS = { Article: 3, Topic: 2 };
const PINNED_DEPTH = 20; // how far down an exact title match is looked for
// Pagefind's ranking: a short entity page should not win on length alone (pageLength).
export const RANKING = { pageLength: 0.3, termFrequency: 1.0, termSaturation: 1.4 };
const MIN_ALIAS_LENGTH = 4; // shorter aliases (US, EU) are too ambiguous to rewrite a query;
// article.html lists them among the names an article mentions instead
const MIN_FUZZY_LENGTH = 5;

export async function createEngine({ bundle, base, aliases }) {
  const pagefind = await openIndex(bundle, { baseUrl: base, ranking: RANKING });
  let table = [];
  if (aliases) {
    try {
      const response = await fetch(aliases);
      if (response.ok) table = await response.json();
    } catch {
      // no alias table: search still works, spelt as typed
    }
  }
  const available = await pagefind.filters();
  return { pagefind, names: nameIndex(table), available };
}

// state: { q, topic, source, reliability, entity, type, from, to, sort, verbatim }
export async function search(engine, state) {
  const typed = (state.q || "").trim();
  const correction = state.verbatim || !typed ? null : await correct(engine, typed);
  const query = correction ? correction.query : typed;
  const filters = buildFilters(engine, state);
  const term = query || null;
  const plain = await engine.pagefind.search(term, { filters });
  let results;
  if (state.sort === "asc" || state.sort === "desc") {
    results = await keepUndated(engine, term, filters, state.sort, plain.results);
  } else {
    results = await weighByType(engine, term, filters, state.type, plain.results);
    if (term) results = await exactTitleFirst(results, titleWanted(engine, query));
  }
  // counts per type for the type buttons: of the search without its own type filter
  const { type: _chosen, ...others } = filters;
  const untyped = state.type ? await engine.pagefind.search(term, { filters: others }) : plain;
  return { results, query, correction, types: untyped.filters.type || {}, untypedTotal: untyped.results.length };
}

function buildFilters(engine, state) {
  const filters = {};
  for (const name of ["topic", "source", "reliability", "entity", "type"]) {
    if (state[name]) filters[name] = state[name];
  }
  if (state.from || state.to) {
    const from = state.from || "0000";
    const to = (state.to || "9999") + "\uffff"; // "2025-11" includes every day of November
    const days = Object.keys(engine.available.date || {}).filter((d) => d >= from && d <= to);
    filters.date = { any: days.length ? days : ["none"] };
  }
  return filters;
}

// Articles in date order, then the other dated pages (topics, people and places by their
// latest article) in date order, then the pages Pagefind leaves out for want of a date.
async function keepUndated(engine, term, filters, direction, relevance) {
  const sorted = await engine.pagefind.search(term, { filters, sort: { date: direction } });
  const articles = await engine.pagefind.search(term, { filters: { ...filters, type: "Article" } });
  const isArticle = new Set(articles.results.map((r) => r.id));
  const seen = new Set(sorted.results.map((r) => r.id));
  return [
    ...sorted.results.filter((r) => isArticle.has(r.id)),
    ...sorted.results.filter((r) => !isArticle.has(r.id)),
    ...relevance.filter((r) => !seen.has(r.id)),
  ];
}

async function weighByType(engine, term, filters, typeChosen, results) {
  if (!term || typeChosen) return results;
  const weights = new Map();
  for (const [type, factor] of Object.entries(TYPE_WEIGHTS)) {
    const ofType = await engine.pagefind.search(term, { filters: { ...filters, type } });
    for (const r of ofType.results) weights.set(r.id, factor);
  }
  const weight = (r) => r.score * (weights.get(r.id) || 1);
  return results
    .map((r, index) => ({ r, index, w: weight(r) }))
    .sort((a, b) => b.w - a.w || a.index - b.index)
    .map(({ r }) => r);
}

// The title a query names: an entity's canonical name for any of its spellings, else the query.
function titleWanted(engine, query) {
  const phrase = normalise(query);
  return normalise(engine.names.spellings.get(phrase) || phrase);
}

// A page titled exactly what was asked for ("Ankara meeting", "BBC News") comes first.
async function exactTitleFirst(results, title) {
  const head = results.slice(0, PINNED_DEPTH);
  const data = await Promise.all(head.map((r) => r.data()));
  const index = data.findIndex((d) => normalise(d.meta.title || "") === title);
  if (index <= 0) return results;
  return [results[index], ...results.slice(0, index), ...results.slice(index + 1)];
}

export function normalise(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").trim();
}

// phrase (normalised) -> canonical name, for every alias and every name; and every word of them.
function nameIndex(table) {
  const phrases = new Map();
  const spellings = new Map();
  const words = new Map();
  for (const [name, aliases] of table) {
    const canonical = normalise(name);
    for (const spelling of [name, ...aliases]) {
      const phrase = normalise(spelling);
      if (!phrase) continue;
      if (!spellings.has(phrase)) spellings.set(phrase, name);
      // an alias that is part of the canonical name ("Putin") needs no rewriting
      const part = ` ${canonical} `.includes(` ${phrase} `);
      if (!part && phrase.length >= MIN_ALIAS_LENGTH && !phrases.has(phrase)) {
        phrases.set(phrase, name);
      }
      for (const word of spelling.split(/\s+/)) {
        const key = normalise(word);
        if (key && !words.has(key)) words.set(key, word);
      }
    }
  }
  return { phrases, spellings, words };
}

// { query, from } when the query was rewritten to canonical names, else null.
async function correct(engine, typed) {
  const words = typed.split(/\s+/);
  const fixed = [];
  for (const word of words) fixed.push(await fixWord(engine, word));
  const out = [];
  for (let i = 0; i < fixed.length; ) {
    const span = longestAlias(engine.names.phrases, fixed, i);
    if (span) {
      out.push(span.name);
      i += span.length;
    } else {
      out.push(fixed[i]);
      i += 1;
    }
  }
  const query = out.join(" ");
  return normalise(query) === normalise(typed) ? null : { query, from: typed };
}

function longestAlias(phrases, words, start) {
  for (let length = Math.min(3, words.length - start); length > 0; length--) {
    const phrase = normalise(words.slice(start, start + length).join(" "));
    if (phrases.has(phrase)) return { name: phrases.get(phrase), length };
  }
  return null;
}

// A word the index does not hold as typed, close to a word of some name: that word of the name.
async function fixWord(engine, word) {
  const plain = normalise(word);
  if (plain.length < MIN_FUZZY_LENGTH || engine.names.words.has(plain)) return word;
  const limit = plain.length >= 8 ? 2 : 1;
  let best = null;
  for (const [known, original] of engine.names.words) {
    const distance = editDistance(plain, known, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { distance, original };
  }
  // only a word near a name costs a look at the index
  if (!best || (await indexHolds(engine, plain))) return word;
  return best.original;
}

// Whether the index holds the word as typed, not only words it is the start or the stem of
// ("Witkof" finds "Witkoff", "Medinski" finds "Medinsky"): the best result's highlights tell.
async function indexHolds(engine, plain) {
  const found = await engine.pagefind.search(plain);
  if (!found.results.length) return false;
  const { excerpt } = await found.results[0].data();
  const marked = [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => normalise(m[1]));
  return marked.some((m) => m === plain);
}

// Levenshtein distance, giving up (returning limit + 1) once it must exceed limit.
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

// The excerpt from the page's own text: Pagefind's may be drawn from the hidden list of the
// names an article or topic mentions (article.html, topic.html: id "search-names"), a word soup.
// Words as Pagefind counts them (its locations index them); null when only that list matched.
export const EXCERPT_WORDS = 30;
const NAMES_ANCHOR = "search-names";

export function ownExcerpt(data, length = EXCERPT_WORDS) {
  const words = (data.content || "").split(/[\r\n\s]+/g);
  const names = (data.anchors || []).find((anchor) => anchor.id === NAMES_ANCHOR);
  const end = names ? names.location : words.length;
  const found = [...new Set((data.weighted_locations || []).map((l) => l.location))]
    .filter((location) => location < end)
    .sort((a, b) => a - b);
  if (!found.length) return null;
  let first = found[0];
  let most = 0;
  for (const start of found) {
    const count = found.filter((location) => location >= start && location < start + length).length;
    if (count > most) [first, most] = [start, count];
  }
  // a few words before the first match, and never past the end of the page's own text
  const start = Math.max(0, Math.min(first - 4, end - length));
  const marked = new Set(found);
  return words
    .slice(start, Math.min(start + length, end))
    .map((text, index) => ({ text, marked: marked.has(start + index) }));
}
