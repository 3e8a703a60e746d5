"""The explorer's files that do not depend on the release: the page, its script and
style, and the vendored libraries with their licences (package data)."""

import html
import json
import shutil
from importlib.resources import files
from pathlib import Path

GENERATOR = "newsevents explorer"
# Vendored from the npm registry, unchanged (vendor/README.md), in loading order.
VENDOR_FILES = (
    "vega-6.4.0/vega.min.js",
    "vega-6.4.0/LICENSE",
    "vega-lite-6.5.0/vega-lite.min.js",
    "vega-lite-6.5.0/LICENSE",
    "leaflet-1.9.4/leaflet.js",
    "leaflet-1.9.4/leaflet.css",
    "leaflet-1.9.4/LICENSE",
    "topojson-client-3.1.0/topojson-client.min.js",
    "topojson-client-3.1.0/LICENSE",
    "world-atlas-2.0.2/countries-110m.json",
    "world-atlas-2.0.2/LICENSE",
    "README.md",
)
WORLD_JSON = "world-atlas-2.0.2/countries-110m.json"
WORLD_SCRIPT = "world-atlas-2.0.2/countries-110m.js"  # the JSON as a script, for file://
VENDOR_SCRIPTS = (
    "vega-6.4.0/vega.min.js",
    "vega-lite-6.5.0/vega-lite.min.js",
    "leaflet-1.9.4/leaflet.js",
    "topojson-client-3.1.0/topojson-client.min.js",
    WORLD_SCRIPT,
)
STATIC_FILES = ("explorer.js", "explorer.css")


def copy_assets(out: Path) -> None:
    """Copy the libraries, the script and the style into the explorer folder `out`."""
    package = files("newsevents.explorer")
    for name in VENDOR_FILES:
        target = out / "vendor" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with package.joinpath("vendor", name).open("rb") as source, target.open("wb") as copy:
            shutil.copyfileobj(source, copy)
    world = package.joinpath("vendor", WORLD_JSON).read_text("utf-8")
    # Parsed and written back compactly, so the script is the same bytes on every build.
    script = "window.NEX_WORLD=" + json.dumps(json.loads(world), separators=(",", ":")) + ";\n"
    (out / "vendor" / WORLD_SCRIPT).write_text(script, encoding="utf-8")
    for name in STATIC_FILES:
        (out / name).write_bytes(package.joinpath("static", name).read_bytes())


def render_page(*, title: str, data_scripts: list[str]) -> str:
    """index.html: the layout, then the libraries, the explorer's script and the data
    files loaded with the page."""
    template = files("newsevents.explorer").joinpath("static", "index.html").read_text("utf-8")
    scripts = [f"vendor/{name}" for name in VENDOR_SCRIPTS] + ["explorer.js", *data_scripts]
    tags = "\n".join(
        f'<script src="{html.escape(src)}" charset="utf-8"></script>' for src in scripts
    )
    return (
        template.replace("{{generator}}", GENERATOR)
        .replace("{{title}}", html.escape(title))
        .replace("{{scripts}}", tags)
    )
