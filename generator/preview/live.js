// Injected by `briefing serve` only (never written to site/): reloads this tab when
// its page was rebuilt, keeping the scroll position, and shows build errors, and the
// warnings of the last good build (an evidence check that now fails, a near copy...).
(() => {
  const script = document.currentScript;
  const path = script.dataset.path;
  const scrollKey = "briefing-scroll:" + path;
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    window.addEventListener("load", () => window.scrollTo(0, Number(saved)));
  }

  const query = new URLSearchParams({ path, epoch: script.dataset.epoch });
  const events = new EventSource("/__briefing__/events?" + query);

  events.addEventListener("reload", (event) => {
    const data = JSON.parse(event.data);
    hideOverlay();
    if (data.paths.includes(path)) {
      sessionStorage.setItem(scrollKey, String(window.scrollY));
      location.reload();
    }
  });
  events.addEventListener("build-error", (event) => {
    showOverlay(JSON.parse(event.data).errors);
  });
  events.addEventListener("build-warnings", (event) => {
    showWarnings(JSON.parse(event.data).warnings);
  });

  // a panel folded to one line; closed, it stays closed until the warnings change
  function showWarnings(warnings) {
    document.getElementById("briefing-warnings")?.remove();
    const key = "briefing-warnings-closed";
    if (!warnings.length || sessionStorage.getItem(key) === warnings.join("\n")) return;
    const panel = document.createElement("details");
    panel.id = "briefing-warnings";
    panel.style.cssText =
      "position:fixed;right:0;bottom:0;max-width:min(48rem,100vw);max-height:50vh;" +
      "overflow:auto;z-index:2147483646;background:#fff8e1;color:#3d2c00;" +
      "font:14px/1.5 ui-monospace,monospace;padding:.5rem 1rem;border:2px solid #b26a00;" +
      "box-shadow:0 -4px 24px #0005";
    const summary = document.createElement("summary");
    const count = warnings.length === 1 ? "1 warning" : warnings.length + " warnings";
    summary.textContent = count + " from the last build, as briefing check says them";
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close";
    close.style.cssText = "margin-left:1rem;font:inherit";
    close.addEventListener("click", () => {
      sessionStorage.setItem(key, warnings.join("\n"));
      panel.remove();
    });
    summary.append(close);
    const list = document.createElement("pre");
    list.style.cssText = "white-space:pre-wrap;margin:.5rem 0 0";
    list.textContent = warnings.join("\n");
    panel.append(summary, list);
    document.body.append(panel);
  }

  function showOverlay(errors) {
    hideOverlay();
    const overlay = document.createElement("div");
    overlay.id = "briefing-error-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText =
      "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#2b0b0b;color:#ffe4e4;font:14px/1.5 ui-monospace,monospace;" +
      "padding:1rem 1.25rem;border-top:4px solid #ff5c5c;box-shadow:0 -4px 24px #0008";
    const title = document.createElement("strong");
    title.textContent = "Build failed: the page shows the last good version. Fix the file and save.";
    const list = document.createElement("pre");
    list.style.cssText = "white-space:pre-wrap;margin:.75rem 0 0";
    list.textContent = errors.join("\n");
    overlay.append(title, list);
    document.body.append(overlay);
  }

  function hideOverlay() {
    document.getElementById("briefing-error-overlay")?.remove();
  }
})();
