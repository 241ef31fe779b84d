// Reading aids, all progressive enhancement: the page works without them.
// - Contents: open on wide screens (where it sits in a sticky side column), folded on narrow.
// - "New since your last visit": marks the facts and articles of a topic that were not on
//   it at the reader's last visit (kept in localStorage; nothing is sent anywhere).
// - Light or dark: the pages follow the system; a header button lets the reader choose
//   the other, remembered in localStorage (base.html applies it before the first paint).
//   Choosing what the system shows forgets the choice, so the pages follow it again.
// - Previews: hovering (with intent) or focusing a link to another page of the site shows
//   a small card made from that page (kind, title, date and source, summary). Escape
//   closes it. Nothing is fetched before intent; off where there is no hover (touch).

const WIDE = window.matchMedia("(min-width: 64rem)");

function contents() {
  const details = document.querySelectorAll("details[data-toc]");
  const fit = () => details.forEach((d) => { d.open = WIDE.matches; });
  fit();
  WIDE.addEventListener("change", fit);
}

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function newSinceLastVisit() {
  const scope = document.querySelector("[data-seen-scope]");
  const store = storage();
  if (!scope || !store) return;
  const name = "briefing:seen:" + scope.dataset.seenScope;
  const items = [...scope.querySelectorAll("[data-item]")];
  let seen = null;
  try {
    seen = JSON.parse(store.getItem(name) || "null");
  } catch {
    seen = null;
  }
  if (Array.isArray(seen)) {
    const before = new Set(seen);
    const fresh = items.filter((item) => !before.has(item.dataset.item));
    for (const item of fresh) {
      const mark = document.createElement("span");
      mark.className = "new-mark";
      mark.textContent = scope.dataset.newMark || "New since your last visit";
      item.classList.add("is-new");
      item.prepend(mark);
    }
    const summary = scope.querySelector(".new-summary");
    if (summary && fresh.length) {
      const count = scope.dataset.newCount || "{n} new since your last visit";
      summary.textContent = " · " + count.replace("{n}", fresh.length);
      summary.hidden = false;
    }
  }
  try {
    store.setItem(name, JSON.stringify(items.map((item) => item.dataset.item)));
  } catch {
    // storage full or refused: the marker is a nicety
  }
}

const HOVER = window.matchMedia("(hover: hover) and (pointer: fine)");
const INTENT_MS = 300;
const cache = new Map();
let card = null;
let current = null;
let timer = 0;

function previewable(link) {
  if (!(link instanceof HTMLAnchorElement) || !link.closest("main")) return false;
  if (link.closest(".toc, .preview-card, .search")) return false;
  const url = new URL(link.href, location.href);
  return url.origin === location.origin && url.pathname.endsWith("/")
    && url.pathname !== location.pathname && link.getAttribute("href")[0] !== "#";
}

function summaryOf(doc) {
  const text = (selector) => doc.querySelector(selector)?.textContent.replace(/\s+/g, " ").trim() || "";
  return {
    kicker: text("main .kicker"),
    title: text("main h1"),
    meta: [...doc.querySelectorAll(
      "main .page-header .meta > time, main .page-header .meta .source-badge, main .page-header .meta > abbr.grade",
    )].map((e) => e.textContent.trim()).join(" · ") || text("main .updated"),
    summary: text("main .lede") || doc.querySelector('meta[name="description"]')?.content || "",
    count: text("#articles-heading"),
  };
}

async function load(url) {
  if (!cache.has(url)) {
    cache.set(url, fetch(url, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((html) => summaryOf(new DOMParser().parseFromString(html, "text/html"))));
  }
  return cache.get(url);
}

function ensureCard() {
  if (card) return card;
  card = document.createElement("div");
  card.className = "preview-card";
  card.id = "preview-card";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  card.addEventListener("mouseenter", () => clearTimeout(timer));
  card.addEventListener("mouseleave", () => hideSoon());
  document.body.append(card);
  return card;
}

function fill(info) {
  const box = ensureCard();
  box.replaceChildren();
  for (const [name, text] of [["kicker", info.kicker], ["title", info.title],
    ["meta", info.meta], ["summary", info.summary], ["count", info.count]]) {
    if (!text) continue;
    const line = document.createElement(name === "title" ? "strong" : "p");
    line.className = "preview-" + name;
    line.textContent = name === "summary" && text.length > 280 ? text.slice(0, 277) + "…" : text;
    box.append(line);
  }
}

function place(link) {
  const box = ensureCard();
  const r = link.getBoundingClientRect();
  box.hidden = false;
  const width = box.offsetWidth;
  const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
  const below = r.bottom + 8 + box.offsetHeight < window.innerHeight;
  const top = below ? r.bottom + 6 : r.top - box.offsetHeight - 6;
  box.style.left = `${left + window.scrollX}px`;
  box.style.top = `${Math.max(0, top + window.scrollY)}px`;
}

async function show(link) {
  current = link;
  try {
    const info = await load(link.href);
    if (current !== link) return;
    fill(info);
    place(link);
    link.setAttribute("aria-describedby", "preview-card");
  } catch {
    // an unreachable page simply gets no preview
  }
}

function hide() {
  clearTimeout(timer);
  if (current) current.removeAttribute("aria-describedby");
  current = null;
  if (card) card.hidden = true;
}

function hideSoon() {
  clearTimeout(timer);
  timer = setTimeout(hide, 200);
}

function previews() {
  document.addEventListener("mouseover", (event) => {
    if (!HOVER.matches) return;
    const link = event.target.closest?.("a");
    if (!previewable(link) || link === current) return;
    clearTimeout(timer);
    timer = setTimeout(() => show(link), INTENT_MS);
  });
  document.addEventListener("mouseout", (event) => {
    const link = event.target.closest?.("a");
    if (link && !link.contains(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusin", (event) => {
    if (!HOVER.matches) return;
    const link = event.target;
    if (previewable(link)) {
      clearTimeout(timer);
      show(link);
    }
  });
  document.addEventListener("focusout", () => hide());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && card && !card.hidden) hide();
  });
}

const THEME_KEY = "briefing:theme";
const SYSTEM_DARK = window.matchMedia("(prefers-color-scheme: dark)");

function themeSwitch() {
  const row = document.querySelector(".header-row");
  const store = storage();
  if (!row || !store) return;
  const root = document.documentElement;
  const isDark = () => (root.dataset.theme || (SYSTEM_DARK.matches ? "dark" : "light")) === "dark";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "theme-switch";
  const name = document.createElement("span");
  name.className = "visually-hidden";
  name.textContent = "Dark theme";
  button.append(name);
  button.title = "Dark theme";
  const show = () => button.setAttribute("aria-pressed", String(isDark()));
  button.addEventListener("click", () => {
    const wanted = isDark() ? "light" : "dark";
    try {
      if (wanted === (SYSTEM_DARK.matches ? "dark" : "light")) store.removeItem(THEME_KEY);
      else store.setItem(THEME_KEY, wanted);
    } catch {
      // storage refused: the choice lasts for this page only
    }
    if (wanted === (SYSTEM_DARK.matches ? "dark" : "light")) delete root.dataset.theme;
    else root.dataset.theme = wanted;
    show();
  });
  SYSTEM_DARK.addEventListener("change", show);
  show();
  row.append(button);
}

contents();
themeSwitch();
newSinceLastVisit();
previews();
