"""Check a built site with the W3C Nu HTML checker (vnu) and axe-core in Chromium.

    .venv/bin/python tools/lint_site.py [site] [--base-path /repo/]

Needs Java (for vnu), Debian's chromium, and `npm ci --prefix tools/lint` (the
Makefile's lint-site target does that). Prints every problem; exit 1 if any."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.preview.server import serving  # noqa: E402

TOOLS = ROOT / "tools" / "lint" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BLOCKING_IMPACTS = ("serious", "critical")
AXE_RUN = """axe.run().then(result => result.violations.map(v => (
    {id: v.id, impact: v.impact, help: v.help, node: v.nodes[0].target.join(' ')})))"""


class MissingTool(Exception):
    pass


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def run_vnu(site: Path) -> list[str]:
    """Nu checker errors, one 'file:line.column: message' line each."""
    java = shutil.which("java")
    if java is None:
        raise MissingTool("Java is missing: apt-get install -y default-jre-headless")
    if not VNU_JAR.is_file():
        raise MissingTool("vnu.jar is missing: run npm ci --prefix tools/lint")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *map(str, html_pages(site)),
        ],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        _vnu_line(m) for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


def _vnu_line(message: dict) -> str:
    where = message.get("url", "").removeprefix("file:")
    return f"{where}:{message.get('lastLine', 0)}: {message['message']}"


def one_page_per_kind(site: Path) -> list[Path]:
    """The first page of each kind (home, a list, a topic, an article, a comparison...):
    pages of one kind share a template, so this is enough for a quick accessibility run."""
    kinds: dict[tuple, Path] = {}
    for html in html_pages(site):
        parts = html.relative_to(site).parts
        kinds.setdefault((parts[0], len(parts), parts[2] if len(parts) > 3 else ""), html)
    return sorted(kinds.values())


def run_axe(
    site: Path, base_path: str = "/", browser=None, pages: list[Path] | None = None
) -> list[str]:
    """Serious and critical axe-core violations on `pages` (default: every page), in light
    and dark mode. Uses `browser` (a Playwright Browser) when given, else launches Chromium."""
    if not AXE_JS.is_file():
        raise MissingTool("axe-core is missing: run npm ci --prefix tools/lint")
    pages = html_pages(site) if pages is None else pages
    if browser is not None:
        return _axe_pages(site, base_path, browser, pages)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            return _axe_pages(site, base_path, browser, pages)
        finally:
            browser.close()


def _axe_pages(site: Path, base_path: str, browser, pages: list[Path]) -> list[str]:
    axe = AXE_JS.read_text(encoding="utf-8")
    problems = []
    with serving(site, base_path) as origin:
        for scheme in ("light", "dark"):
            page = browser.new_page(color_scheme=scheme)
            for html in pages:
                url = base_path + str(html.relative_to(site)).removesuffix("index.html")
                page.goto(origin + url)
                page.add_script_tag(content=axe)
                violations = page.evaluate(AXE_RUN)
                problems += [
                    f"{url} ({scheme}): {v['impact']}: {v['id']}: {v['help']} at {v['node']}"
                    for v in violations
                    if v["impact"] in BLOCKING_IMPACTS
                ]
            page.close()
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    parser.add_argument("--base-path", default="/", help="the path the site is built for")
    args = parser.parse_args()
    try:
        vnu = run_vnu(args.site)
        axe = run_axe(args.site, args.base_path)
    except MissingTool as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in vnu + axe:
        print(line)
    pages = len(html_pages(args.site))
    print(f"vnu: {len(vnu)} errors, axe: {len(axe)} serious or critical violations, {pages} pages")
    return 1 if vnu or axe else 0


if __name__ == "__main__":
    sys.exit(main())
