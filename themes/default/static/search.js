// Search with Pagefind's JS API: a real labelled form that also works as a plain
// GET form (to /search/?q=) when this script cannot run.
const DEBOUNCE_MS = 150;
const MAX_RESULTS = 20;

for (const box of document.querySelectorAll("[data-search]")) {
  setUp(box);
}

async function setUp(box) {
  const form = box.querySelector("form");
  const input = box.querySelector("input[type=search]");
  const status = box.querySelector(".search-status");
  const list = box.querySelector(".search-results");
  let pagefind;
  try {
    pagefind = await import(box.dataset.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: box.dataset.base });
  } catch (error) {
    status.textContent = "Search is not available here (the search index is missing).";
    return;
  }
  const selects = [...box.querySelectorAll("select[data-filter]")];
  const order = box.querySelector("select[data-sort]");
  await fillFilters(pagefind, selects, box.querySelector(".search-filters"));

  let timer;
  let latest = 0;
  const run = async () => {
    const ticket = ++latest;
    const query = input.value.trim();
    const filters = activeFilters(selects);
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const options = { filters };
    if (order && order.value) options.sort = { date: order.value };
    const search = await pagefind.search(query || null, options);
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (ticket !== latest) return; // a newer query has started
    list.replaceChildren(...results.map(renderResult));
    const count = search.results.length;
    status.textContent = `${count} result${count === 1 ? "" : "s"}` + (query ? ` for “${query}”` : "");
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(run, DEBOUNCE_MS); };
  input.addEventListener("input", schedule);
  selects.forEach((select) => select.addEventListener("change", run));
  order?.addEventListener("change", run);
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });

  const params = new URLSearchParams(location.search);
  if (params.get("q")) input.value = params.get("q");
  for (const select of [...selects, order].filter(Boolean)) {
    const value = params.get(select.name);
    if (value) select.value = value;
  }
  if (input.value || Object.keys(activeFilters(selects)).length) run();
}

async function fillFilters(pagefind, selects, container) {
  const available = await pagefind.filters();
  for (const select of selects) {
    const values = Object.keys(available[select.dataset.filter] || {}).sort();
    for (const value of values) select.append(new Option(value, value));
  }
  if (selects.some((select) => select.options.length > 1)) container.hidden = false;
}

function activeFilters(selects) {
  const filters = {};
  for (const select of selects) if (select.value) filters[select.dataset.filter] = select.value;
  return filters;
}

function renderResult(data) {
  const item = document.createElement("li");
  const heading = document.createElement("a");
  heading.href = data.url;
  heading.textContent = data.meta.title || data.url;
  item.append(heading);
  const type = (data.filters.type || [])[0];
  if (type) {
    const label = document.createElement("span");
    label.className = "result-type";
    label.textContent = type;
    item.append(label);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(excerpt);
  return item;
}

// Pagefind's excerpt is HTML with <mark> highlights: keep the text and the marks, nothing else.
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
