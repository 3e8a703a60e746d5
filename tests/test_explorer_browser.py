"""The seed release's explorer in headless Chromium (Debian's `chromium`), driven by
playwright pointed at the system browser: no browser is downloaded.

Screenshots of each view are written under the test's temporary folder."""

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsevents.explorer import EXPLORER_FOLDER
from newsevents.release.assemble import BuildReport

CHROMIUM = Path("/usr/bin/chromium")
INSTALL = "apt-get install chromium chromium-driver (Debian; .ci/run installs them when missing)"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is missing: pip install -e '.[test]'"
)
if not CHROMIUM.is_file() and shutil.which("chromium") is None:
    pytest.skip(f"headless Chromium is not installed: {INSTALL}", allow_module_level=True)


def _rows(release: Path, config: str) -> list[dict[str, Any]]:
    lines = (release / "jsonl" / f"{config}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = str(CHROMIUM) if CHROMIUM.is_file() else shutil.which("chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox"]
        )
        yield chromium
        chromium.close()


class Page:
    """The explorer open in a fresh page, with every console message, page error and
    request it made."""

    def __init__(self, browser: Any, index: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.console: list[tuple[str, str]] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.console.append(("pageerror", str(e))))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(index.as_uri())
        self.page.wait_for_selector("body[data-ready]", timeout=30_000)

    def errors(self) -> list[tuple[str, str]]:
        return [(kind, text) for kind, text in self.console if kind in ("error", "pageerror")]


@pytest.fixture
def explorer(browser: Any, seed_release: BuildReport) -> Iterator[Page]:
    page = Page(browser, seed_release.release_dir / EXPLORER_FOLDER / "index.html")
    yield page
    page.page.close()


def test_page_loads_offline_without_console_error(explorer: Page, tmp_path: Path) -> None:
    explorer.page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)
    assert explorer.errors() == []
    assert [url for url in explorer.requests if not url.startswith("file://")] == []
    assert "incidents" in explorer.page.inner_text("#status")


def test_timeline_shows_the_seed_incidents(explorer: Page, seed_release: BuildReport) -> None:
    incidents = _rows(seed_release.release_dir, "incidents")
    dated = [i for i in incidents if i["date_min"] is not None]
    marks = explorer.page.locator("#timeline svg g.mark-symbol.role-mark path")
    assert marks.count() == len(dated) == explorer.page.evaluate("NEX.timelineMarks()")
    undated = explorer.page.locator("#undated-table tbody tr")
    assert undated.count() == len(incidents) - len(dated)
    # A filter redraws the marks: the type of the 16 January strike only.
    explorer.page.select_option("#f-type", "ASSAULT")
    explorer.page.wait_for_function(f"NEX.timelineMarks() === {_count(dated, 'ASSAULT')}")
    assert marks.count() == _count(dated, "ASSAULT")
    assert explorer.errors() == []


def _count(rows: list[dict[str, Any]], kind: str) -> int:
    return sum(r["type"] == kind for r in rows)


def _claimant_labels(release: Path, incident: dict[str, Any]) -> set[str]:
    """The claimant of each claim as the card's rule names it: the entity, else its
    words, else the article (with its rewrites) that states the figure unattributed."""
    names = {e["entity_id"]: e["name"] for e in _rows(release, "entities")}
    articles = {a["article_id"]: a for a in _rows(release, "articles")}
    labels = set()
    for claim in incident["claims"]:
        if claim["claimant"]:
            labels.add(names[claim["claimant"]])
        elif claim["claimant_text"]:
            labels.add(claim["claimant_text"])
        else:
            root = claim["article_id"]
            while articles[root]["near_duplicate_of"]:
                root = articles[root]["near_duplicate_of"]
            labels.add(f"Unattributed: “{articles[root]['title']}” and its rewrites")
    return labels


def _strike_of_16_january(release: Path) -> dict[str, Any]:
    (incident,) = [
        i
        for i in _rows(release, "incidents")
        if i["date"] == "2024-01-16" and i["type"] == "ASSAULT"
    ]
    return incident


def test_the_16_january_incident_lists_its_claims_by_claimant(
    explorer: Page, seed_release: BuildReport, tmp_path: Path
) -> None:
    release = seed_release.release_dir
    incident = _strike_of_16_january(release)
    explorer.page.click(f'tr.incident-row[data-id="{incident["incident_id"]}"]')
    explorer.page.wait_for_selector("#claims-by-claimant")
    shown = explorer.page.locator("#claims-by-claimant .claimant-name").all_inner_texts()
    assert set(shown) == _claimant_labels(release, incident) and len(shown) == len(set(shown))
    rows = explorer.page.locator("#claims-by-claimant tbody tr")
    assert rows.count() == len(incident["claims"])
    # The release says the claimants disagree; the page says so too.
    assert incident["figures_conflict"] is True
    assert explorer.page.locator("#conflict-banner").is_visible()
    explorer.page.screenshot(path=str(tmp_path / "incident.png"), full_page=True)
    assert explorer.errors() == []


def test_a_figure_opens_its_article_at_the_evidence(
    explorer: Page, seed_release: BuildReport, tmp_path: Path
) -> None:
    release = seed_release.release_dir
    incident = _strike_of_16_january(release)
    claims = {(c["article_id"], c["claim_id"]): c for c in _rows(release, "claims")}
    explorer.page.click(f'tr.incident-row[data-id="{incident["incident_id"]}"]')
    for claim in incident["claims"]:
        key = (claim["article_id"], claim["claim_id"])
        figure = explorer.page.locator(
            f'#claims-by-claimant button.figure[data-article="{key[0]}"][data-claim="{key[1]}"]'
        )
        assert figure.inner_text() == claims[key]["figure_span"]["text"]
        figure.click()
        focus = explorer.page.locator("#article-text .evidence.focus")
        focus.wait_for()
        assert focus.inner_text() == claims[key]["evidence"]["text"]
        assert explorer.page.locator("#article-title").inner_text() == _title(release, key[0])
        explorer.page.go_back()
        explorer.page.wait_for_selector("#claims-by-claimant")
    # A figure in the article's text focuses its own sentence.
    explorer.page.locator("#claims-by-claimant button.figure").first.click()
    explorer.page.locator("#article-text .figure[data-claim]").last.click()
    assert explorer.page.locator("#article-text .evidence.focus").count() == 1
    explorer.page.screenshot(path=str(tmp_path / "article.png"))
    assert explorer.errors() == []


def _title(release: Path, article_id: str) -> str:
    return next(a["title"] for a in _rows(release, "articles") if a["article_id"] == article_id)


def test_entities_and_the_map_of_geocoded_incidents(
    explorer: Page, seed_release: BuildReport, tmp_path: Path
) -> None:
    explorer.page.click('#tabs button[data-view="entities"]')
    assert explorer.page.locator("#entity-table tbody tr").count() > 0
    explorer.page.fill("#entity-search", "pakistan")
    first = explorer.page.locator("#entity-table tbody tr").first
    assert "Pakistan" in first.inner_text()
    explorer.page.screenshot(path=str(tmp_path / "entities.png"))
    explorer.page.click('#tabs button[data-view="map"]')
    mapped = [i for i in _rows(seed_release.release_dir, "incidents") if i["latitude"] is not None]
    note = explorer.page.locator("#map-note")
    assert mapped
    assert note.inner_text().startswith(
        f"{len(mapped)} of {len(mapped)} incidents with coordinates"
    )
    assert explorer.page.locator("#map canvas, #map svg").count() > 0  # the country outlines
    explorer.page.screenshot(path=str(tmp_path / "map.png"))
    assert explorer.errors() == []
