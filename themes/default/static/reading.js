// Reading aids, all progressive enhancement: the page works without them.
// - Contents: open on wide screens (where it sits in a sticky side column), folded on narrow.
// - "New since your last visit": marks the facts and articles of a topic that were not on
//   it at the reader's last visit (kept in localStorage; nothing is sent anywhere).

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
      mark.textContent = "New since your last visit";
      item.classList.add("is-new");
      item.prepend(mark);
    }
    const summary = scope.querySelector(".new-summary");
    if (summary && fresh.length) {
      summary.textContent = ` · ${fresh.length} new since your last visit`;
      summary.hidden = false;
    }
  }
  try {
    store.setItem(name, JSON.stringify(items.map((item) => item.dataset.item)));
  } catch {
    // storage full or refused: the marker is a nicety
  }
}

contents();
newSinceLastVisit();
