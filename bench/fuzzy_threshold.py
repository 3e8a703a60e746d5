"""Print the best gazetteer near-match of every NER name without an exact key, with its
score, so FUZZY_THRESHOLD (src/newsevents/pipeline/gazetteer.py) can be checked.

Run: .venv/bin/python bench/fuzzy_threshold.py seeds ../shared/eval/dev
"""

import sys
from pathlib import Path

from rapidfuzz import fuzz, process

from newsevents.pipeline.entities import _lookup_form
from newsevents.pipeline.gazetteer import FUZZY_MIN_LENGTH, gazetteer
from newsevents.pipeline.nlp import load_nlp
from newsevents.textutil import name_key


def main(folders: list[str]) -> None:
    gaz, nlp = gazetteer(), load_nlp()
    texts = [p.read_text("utf-8") for d in folders for p in sorted(Path(d).glob("*.txt"))]
    rows, seen = [], set()
    for doc in nlp.pipe(texts):
        for ent in doc.ents:
            text = _lookup_form(ent.text.removeprefix("the ").removeprefix("The "))
            key = name_key(text)
            if key in seen or key in gaz.by_key or len(key) < FUZZY_MIN_LENGTH:
                continue
            seen.add(key)
            best = process.extractOne(key, gaz.fuzzy_keys, scorer=fuzz.ratio)
            if best:
                accepted = gaz.lookup(text) is not None
                rows.append((best[1], text, gaz.surface_of[best[0]], accepted))
    print(f"{'score':>5}  {'accepted':8}  name -> nearest gazetteer form")
    for score, text, surface, accepted in sorted(rows, reverse=True)[:40]:
        print(f"{score:5.1f}  {str(accepted):8}  {text!r} -> {surface!r}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["seeds"])
