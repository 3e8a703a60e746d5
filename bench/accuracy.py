"""Score the seeds and the two development sets and write release/accuracy.json,
the figures the dataset card quotes (tests/test_eval.py keeps the file current).

    .venv/bin/python bench/accuracy.py [--shared ../shared]

Builds each set into a temporary folder, evaluates it against its gold annotations
and prints the figures. Reads ../shared/eval (a development tool, never the product).
"""

import argparse
import json
import tempfile
from pathlib import Path

from newsevents.config import BuildConfig
from newsevents.evaluate import evaluate_release, headline_figures
from newsevents.release.assemble import build_release
from newsevents.release.card import ACCURACY_FILE, DEVELOPMENT_SETS

ROOT = Path(__file__).resolve().parents[1]


def set_folders(shared: Path) -> dict[str, tuple[Path, Path]]:
    """{set name: (input folder, gold folder)}."""
    return {
        "seeds": (ROOT / "seeds", ROOT / "gold"),
        "dev": (shared / "eval" / "dev", shared / "eval" / "dev" / "gold"),
        "dev-synth": (shared / "eval" / "dev-synth", shared / "eval" / "dev-synth" / "gold"),
    }


def score(inputs: Path, gold: Path) -> dict[str, float | int | None]:
    with tempfile.TemporaryDirectory() as out:
        report = build_release(BuildConfig(input_dir=inputs, out_dir=Path(out), version="score"))
        return headline_figures(evaluate_release(report.release_dir, [gold]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    folders = set_folders(args.shared)
    figures = {name: score(*folders[name]) for name in DEVELOPMENT_SETS}
    for name, values in figures.items():
        print(name, json.dumps(values))
    ACCURACY_FILE.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    print(f"wrote {ACCURACY_FILE}")


if __name__ == "__main__":
    main()
