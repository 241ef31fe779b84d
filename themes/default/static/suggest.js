// Search from the header as you type: the header's form (a plain GET form to the search
// page without JavaScript) becomes an ARIA combobox with a listbox of the best results,
// from search-core.js, loaded on first use. Keyboard: "/" focuses the search field, the
// arrows move through the results, Enter opens the one chosen (or submits the form),
// Escape closes the list.
const DEBOUNCE_MS = 120;
const SHOWN = 7;
const MIN_LENGTH = 2;
const TYPES = { Article: "Article", Topic: "Topic", People: "Person", Places: "Place", Organisations: "Organisation", Source: "Source", Sources: "Source" };

for (const form of document.querySelectorAll("form[data-suggest]")) suggest(form);
document.addEventListener("keydown", focusOnSlash);

function focusOnSlash(event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
  const field = document.querySelector("form[data-suggest] input[type=search], #search-q");
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
}

function suggest(form) {
  const input = form.querySelector("input[type=search]");
  const list = document.createElement("ul");
  list.id = input.id + "-results";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Search results");
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.append(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("autocomplete", "off");

  let engine = null;
  let core = null;
  let timer = 0;
  let ticket = 0;
  let active = -1;

  const options = () => [...list.querySelectorAll("[role=option]")];
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const choose = (index) => {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  };
  const open = async () => {
    const query = input.value.trim();
    const mine = ++ticket;
    if (query.length < MIN_LENGTH) return close();
    try {
      if (!engine) {
        core = await import(form.dataset.core);
        engine = await core.createEngine(form.dataset);
      }
    } catch {
      return close(); // no index here: the form still goes to the search page
    }
    const found = await core.search(engine, { q: query });
    const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
    if (mine !== ticket) return; // a newer query is on its way
    list.replaceChildren(...data.map((d, i) => option(d, `${list.id}-${i}`)), allResults(form, query, found.results.length));
    status.textContent = found.results.length ? `${found.results.length} results` : "No results";
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(open, DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) return;
      event.preventDefault();
      choose(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      location.assign(options()[active].dataset.href);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  list.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus
  list.addEventListener("click", (event) => {
    const chosen = event.target.closest("[role=option]");
    if (chosen) location.assign(chosen.dataset.href);
  });
}

function option(data, id) {
  const item = document.createElement("li");
  item.id = id;
  item.setAttribute("role", "option");
  item.setAttribute("aria-selected", "false");
  item.dataset.href = data.url;
  const title = document.createElement("span");
  title.className = "suggestion-title";
  title.textContent = data.meta.title || data.url;
  item.append(title);
  const type = (data.filters.type || [])[0];
  if (type) {
    const kind = document.createElement("span");
    kind.className = "suggestion-type";
    kind.textContent = TYPES[type] || type;
    item.append(" ", kind);
  }
  return item;
}

function allResults(form, query, count) {
  const item = document.createElement("li");
  item.id = `${form.querySelector("input").id}-results-all`;
  item.setAttribute("role", "option");
  item.setAttribute("aria-selected", "false");
  const params = new URLSearchParams({ q: query });
  item.dataset.href = `${form.action}?${params}`;
  item.className = "suggestion-all";
  item.textContent =
    count === 1 ? `The 1 result for “${query}”`
    : count ? `All ${count} results for “${query}”`
    : `Search for “${query}”`;
  return item;
}
