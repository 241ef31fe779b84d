// The search page: a real GET form (to /search/?q=) that search-core.js answers in place.
// Its state (query, filters, dates, order) lives in the address: replaced while typing,
// pushed when a search is settled (Enter, leaving the field, a filter), restored on load
// and on Back.
const DEBOUNCE_MS = 150;
const PAGE_SIZE = 10;
const FIELDS = ["q", "topic", "source", "reliability", "entity", "type", "from", "to", "sort"];
const LEGACY_SORT = { desc: "date", asc: "date-asc" };
// The page's words, from the site's language table (search_box in macros.html); English
// if the page has none.
const WORDS = readWords();
const PLURALS = new Intl.PluralRules(WORDS.language || "en");
const ENGLISH = {
  unavailable: "Search is not available here (the search index is missing).",
  results: { one: "{n} result", other: "{n} results" },
  for: " for “{query}”",
  newest: ", newest first",
  oldest: ", oldest first",
  filters_on: " ({n} on)",
  showing: "Showing results for ",
  instead: ". Search instead for ",
  more: "Show {shown} more ({left} left)",
};

for (const box of document.querySelectorAll("[data-search]")) {
  setUp(box);
}

async function setUp(box) {
  const ui = elements(box);
  let core;
  let engine;
  try {
    core = await import(box.dataset.core);
    engine = await core.createEngine(box.dataset);
  } catch (error) {
    ui.status.textContent = say("unavailable");
    return;
  }
  fillFilters(engine.available, ui);

  let timer;
  let latest = 0;
  // The entry shows a settled search (loaded, restored, submitted): the next change of the
  // address starts a new history entry, so Back returns to it.
  let pushNext = true;
  let shown = [];
  let verbatim = false;

  const run = async ({ history = "replace" } = {}) => {
    const ticket = ++latest;
    const state = readForm(ui);
    countFilters(ui);
    if (history !== "none") writeAddress(state, verbatim, history === "push" || pushNext);
    pushNext = history !== "replace";
    if (!state.q && !hasFilters(state)) {
      clear(ui);
      return;
    }
    const found = await core.search(engine, { ...toSearchState(state), verbatim });
    const cards = await renderResults(found.results.slice(0, PAGE_SIZE), state, core.ownExcerpt);
    if (ticket !== latest) return; // a newer search has started
    shown = found.results;
    ui.list.replaceChildren(...cards);
    showCorrection(ui, found.correction, state);
    showTypes(ui, found.types, state.type, found.untypedTotal, () => run({ history: "push" }));
    showMoreButton(ui, shown);
    ui.status.textContent = statusText(found.results.length, found.query, state);
  };
  const schedule = () => {
    clearTimeout(timer);
    verbatim = false;
    timer = setTimeout(run, DEBOUNCE_MS);
  };

  ui.input.addEventListener("input", schedule);
  ui.input.addEventListener("change", () => { pushNext = true; });
  for (const field of [...ui.selects, ...ui.ranges, ui.order].filter(Boolean)) {
    field.addEventListener("change", () => run({ history: "push" }));
  }
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run({ history: "push" });
  });
  ui.more.querySelector("button").addEventListener("click", () => showMore(ui, shown, readForm(ui), core.ownExcerpt));
  ui.toggle.addEventListener("click", () => {
    const open = ui.toggle.getAttribute("aria-expanded") !== "true";
    ui.toggle.setAttribute("aria-expanded", String(open));
    box.classList.toggle("filters-open", open);
  });
  ui.correction.addEventListener("click", (event) => {
    if (!event.target.closest("a[data-verbatim]")) return;
    event.preventDefault();
    verbatim = true;
    run({ history: "push" });
  });
  window.addEventListener("popstate", () => {
    verbatim = restore(ui);
    run({ history: "none" });
  });

  // what was typed while the index loaded wins over an address without a query
  const typed = ui.input.value;
  verbatim = restore(ui);
  const early = typed && !ui.input.value;
  if (early) ui.input.value = typed;
  ui.toggle.hidden = false;
  if (ui.input.value || hasFilters(readForm(ui))) run({ history: early ? "replace" : "none" });
}

function elements(box) {
  return {
    box,
    form: box.querySelector("form"),
    input: box.querySelector("input[type=search]"),
    selects: [...box.querySelectorAll("select[data-filter]")],
    ranges: [...box.querySelectorAll("input[data-range]")],
    order: box.querySelector("select[data-sort]"),
    filters: box.querySelector(".search-filters"),
    toggle: box.querySelector(".filters-toggle"),
    status: box.querySelector(".search-status"),
    correction: box.querySelector(".search-correction"),
    types: box.querySelector(".search-types"),
    list: box.querySelector(".search-results"),
    more: box.querySelector(".search-more"),
  };
}

function fillFilters(available, ui) {
  for (const select of ui.selects) {
    const values = Object.keys(available[select.dataset.filter] || {}).sort();
    for (const value of values) select.append(new Option(value, value));
  }
  ui.filters.hidden = false;
}

function readForm(ui) {
  const state = { q: ui.input.value.trim() };
  for (const field of [...ui.selects, ...ui.ranges, ui.order].filter(Boolean)) {
    state[field.name] = field.value;
  }
  return state;
}

function hasFilters(state) {
  return FIELDS.some((name) => name !== "q" && name !== "sort" && state[name]);
}

function toSearchState(state) {
  const sort = { date: "desc", "date-asc": "asc" }[state.sort] || "";
  return { ...state, sort };
}

// The form's fields from the address; returns whether the query is to be taken verbatim.
function restore(ui) {
  const params = new URLSearchParams(location.search);
  ui.input.value = params.get("q") || "";
  for (const field of [...ui.selects, ...ui.ranges, ui.order].filter(Boolean)) {
    let value = params.get(field.name) || "";
    if (field === ui.order) value = LEGACY_SORT[value] || value;
    if (field.tagName === "SELECT" && value && ![...field.options].some((o) => o.value === value)) {
      field.append(new Option(value, value)); // e.g. a topic the index no longer has
    }
    field.value = value;
  }
  countFilters(ui);
  return params.get("verbatim") === "1";
}

function countFilters(ui) {
  const count = [...ui.selects, ...ui.ranges].filter((field) => field.value).length;
  ui.toggle.querySelector(".filters-count").textContent = count ? say("filters_on", { n: count }) : "";
}

function writeAddress(state, verbatim, push) {
  const params = new URLSearchParams();
  for (const name of FIELDS) if (state[name]) params.set(name, state[name]);
  if (verbatim) params.set("verbatim", "1");
  const query = params.toString();
  const address = location.pathname + (query ? "?" + query : "") + location.hash;
  if (address === location.pathname + location.search + location.hash) return;
  if (push) history.pushState(null, "", address);
  else history.replaceState(null, "", address);
}

function clear(ui) {
  ui.list.replaceChildren();
  ui.status.textContent = "";
  ui.correction.hidden = true;
  ui.types.hidden = true;
  ui.more.hidden = true;
}

function statusText(count, query, state) {
  const what = say("results", { n: count }) + (query ? say("for", { query }) : "");
  const order = { date: say("newest"), "date-asc": say("oldest") }[state.sort] || "";
  return what + order;
}

function showCorrection(ui, correction, state) {
  ui.correction.hidden = !correction;
  if (!correction) return;
  const strong = document.createElement("strong");
  strong.textContent = correction.query;
  const typed = document.createElement("a");
  const params = new URLSearchParams(location.search);
  params.set("verbatim", "1");
  typed.href = "?" + params.toString();
  typed.dataset.verbatim = "";
  typed.textContent = correction.from;
  ui.correction.replaceChildren(say("showing"), strong, say("instead"), typed, ".");
}

// One button per type with its count: choosing one is the type filter.
function showTypes(ui, counts, chosen, total, rerun) {
  const select = ui.selects.find((s) => s.dataset.filter === "type");
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  ui.types.hidden = entries.length < 2 && !chosen;
  const button = (label, value, count) => {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = `${WORDS["type." + label] || label} (${count})`;
    element.setAttribute("aria-pressed", String((chosen || "") === value));
    element.addEventListener("click", () => {
      select.value = value;
      rerun();
    });
    return element;
  };
  ui.types.replaceChildren(button("All", "", total), ...entries.map(([type, n]) => button(type, type, n)));
}

async function renderResults(results, state, excerptOf) {
  const data = await Promise.all(results.map((r) => r.data()));
  return data.map((d) => renderResult(d, state, excerptOf(d)));
}

async function showMore(ui, results, state, excerptOf) {
  const start = ui.list.children.length;
  ui.list.append(...(await renderResults(results.slice(start, start + PAGE_SIZE), state, excerptOf)));
  showMoreButton(ui, results);
}

function showMoreButton(ui, results) {
  const left = results.length - ui.list.children.length;
  ui.more.hidden = left <= 0;
  ui.more.querySelector("button").textContent = say("more", { shown: Math.min(left, PAGE_SIZE), left });
}

// own: the excerpt from the page's own text (search-core.js ownExcerpt), or null
function renderResult(data, state, own) {
  const item = document.createElement("li");
  item.className = "result";
  const type = (data.filters.type || [])[0];
  const head = document.createElement("p");
  head.className = "result-head";
  if (type) head.append(span("result-type", singular(type)));
  const link = document.createElement("a");
  link.href = data.url;
  link.className = "result-title";
  link.textContent = data.meta.title || data.url;
  item.append(link, head);
  const meta = document.createElement("p");
  meta.className = "meta";
  if (data.meta.date) meta.append(span("result-date", data.meta.date));
  const source = (data.filters.source || [])[0];
  if (source) {
    meta.append(" · ", span("source-badge", source));
    if (data.meta.grade) meta.append(" ", gradeBadge(data.meta.grade, data.meta.grade_meaning));
  }
  if (meta.childNodes.length) item.append(meta);
  const topics = data.filters.topic || [];
  if (topics.length && type !== "Topic") item.append(topicChips(topics, state));
  const excerpt = document.createElement("p");
  excerpt.className = "result-excerpt";
  if (own) {
    excerpt.append(...own.flatMap((word, index) => [index ? " " : "", word.marked ? mark(word.text) : word.text]));
  } else if (data.meta.summary) {
    // the words matched only the hidden list of names it mentions: show what it is about
    excerpt.append(firstWords(data.meta.summary), " ", span("meta", "(matched a name it mentions, spelt otherwise in its text)"));
  } else {
    excerpt.append(...excerptNodes(data.excerpt));
  }
  item.append(excerpt);
  return item;
}

function mark(text) {
  const element = document.createElement("mark");
  element.textContent = text;
  return element;
}

function singular(type) {
  return { People: "Person", Places: "Place", Organisations: "Organisation" }[type] || type;
}

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

function gradeBadge(code, meaning) {
  const badge = document.createElement("abbr");
  badge.className = `grade grade-${code[0]}`;
  badge.textContent = code;
  if (meaning) badge.title = meaning;
  return badge;
}

// The result's topics, each a link that narrows this search to that topic.
function topicChips(topics, state) {
  const list = document.createElement("ul");
  list.className = "chips";
  list.setAttribute("aria-label", "Topics");
  for (const topic of topics) {
    const params = new URLSearchParams();
    for (const name of FIELDS) if (state[name]) params.set(name, state[name]);
    params.set("topic", topic);
    const chip = document.createElement("a");
    chip.className = "chip";
    chip.href = "?" + params.toString();
    chip.textContent = topic;
    const item = document.createElement("li");
    item.append(chip);
    list.append(item);
  }
  return list;
}

// Pagefind's excerpt is HTML with <mark> highlights: keep the text and the marks, nothing else.
// a topic's summary is a paragraph: as long as an excerpt at most
function firstWords(text, count = 30) {
  const words = text.split(/\s+/);
  return words.length > count ? words.slice(0, count).join(" ") + " …" : text;
}

function excerptNodes(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}

function readWords() {
  const box = document.querySelector("[data-search][data-words]");
  try {
    return box ? JSON.parse(box.dataset.words) : {};
  } catch {
    return {};
  }
}

// A string of the table, its {names} filled; `n` picks the plural form.
function say(key, values = {}) {
  let entry = WORDS[key] ?? ENGLISH[key];
  if (entry && typeof entry === "object") entry = entry[PLURALS.select(values.n)] ?? entry.other;
  return String(entry ?? key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}
