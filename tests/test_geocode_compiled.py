"""The compiled GeoNames places (geocode/compiled.py): compiled once into the cache
folder, opened by later processes without compiling, the same places as the extract,
and compiled in memory where the folder cannot be written."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.pipeline.geocode import compiled, data
from newsevents.pipeline.geocode.data import Place

# Written for the test: two places sharing a name key, one with an alternate spelling.
SOURCE = [
    (Place(101, "Springfield", 39.80, -89.64, "US", 114_000), {"springfield"}),
    (Place(102, "Springfield", 37.21, -93.29, "US", 169_000), {"springfield"}),
    (Place(103, "Panjgur", 26.97, 64.09, "PK", 0), {"panjgur", "panjghur"}),
]


@pytest.fixture
def small_extract(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setattr(data, "source_places", lambda: iter(SOURCE))
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    compiled.places.cache_clear()
    compiled._place_by_id.cache_clear()
    compiled._places_by_key.cache_clear()
    yield tmp_path / "cache"
    compiled.places.cache_clear()


def test_places_are_compiled_once_into_the_cache_folder(small_extract: Path) -> None:
    small_extract.mkdir(parents=True)
    (small_extract / "geonames-0123456789abcdef.sqlite").write_bytes(b"an older version's")
    (small_extract / "notes.txt").write_text("the user's", "utf-8")
    index = compiled.places()
    assert sorted(p.name for p in small_extract.iterdir()) == sorted(
        [compiled.index_file().name, "notes.txt"]
    ), "an older version's file is removed, nothing else"
    (small_extract / "notes.txt").unlink()
    assert [p.name for p in small_extract.iterdir()] == [compiled.index_file().name]
    assert [p.geonames_id for p in index.by_key.get("springfield")] == [101, 102]
    panjgur = index.by_key.get("panjghur")[0]
    assert (panjgur.geonames_id, panjgur.cc, panjgur.admin1) == (103, "PK", "Balochistan")
    assert 103 in index.by_id and 999 not in index.by_id
    assert index.by_id[101].population == 114_000
    assert index.by_key.get("nowhere") == ()


def test_a_later_process_opens_the_compiled_file_without_compiling(small_extract: Path) -> None:
    compiled.places()
    compiled_at = compiled.index_file().stat().st_mtime_ns
    # A fresh interpreter whose source extract would fail: it must not be read again.
    code = (
        "from newsevents.pipeline.geocode import compiled, data\n"
        "data.source_places = lambda: (_ for _ in ()).throw(AssertionError('compiled again'))\n"
        "print(compiled.places().by_key.get('panjgur')[0].geonames_id)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)  # fmt: skip
    assert run.stdout.strip() == "103"
    assert compiled.index_file().stat().st_mtime_ns == compiled_at


def test_an_unwritable_cache_folder_compiles_in_memory(
    monkeypatch: pytest.MonkeyPatch, small_extract: Path
) -> None:
    small_extract.parent.mkdir(exist_ok=True)
    small_extract.write_text("a file where the folder should be", "utf-8")
    index = compiled.places()
    assert [p.geonames_id for p in index.by_key.get("springfield")] == [101, 102]
    assert small_extract.is_file()
