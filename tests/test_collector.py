"""The build's use of the garbage collector (pipeline/collector.py), and the memos that
save the stages repeated work (textutil.name_key, Gazetteer.lookup): same answers,
bounded memory."""

import gc

import pytest

from newsevents.pipeline import collector
from newsevents.pipeline import gazetteer as gazetteer_module
from newsevents.pipeline.collector import BULK_THRESHOLDS, bulk_work
from newsevents.pipeline.gazetteer import gazetteer
from newsevents.textutil import name_key


def test_bulk_thresholds_hold_for_the_build_and_the_callers_come_back() -> None:
    saved = gc.get_threshold()
    callers = (700, 10, 10)  # Python's defaults, whatever ran before in this process
    gc.set_threshold(*callers)
    try:
        with bulk_work():
            assert gc.get_threshold() == BULK_THRESHOLDS
        assert gc.get_threshold() == callers
        with pytest.raises(RuntimeError), bulk_work():
            raise RuntimeError("a failed build")
        assert gc.get_threshold() == callers, "restored when the build raises too"
    finally:
        gc.set_threshold(*saved)


def test_a_remembered_lookup_is_the_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    places = gazetteer()
    names = ["Sistan-o-Baluchistan", "Iraq", "Jaish al-Adl", "Nowhere Land Brigade", "Iran"]
    first = [places._lookup(n) for n in names]  # not remembered
    assert [places.lookup(n) for n in names] == first
    assert [places.lookup(n) for n in names] == first, "and again, from the memo"
    monkeypatch.setattr(gazetteer_module, "LOOKUPS_KEPT", 2)
    places._found.clear()
    assert [places.lookup(n) for n in names] == first
    assert len(places._found) <= 2, "the memo is bounded"


def test_name_keys_are_the_same_whether_remembered_or_not() -> None:
    for text in ("Amir-Abdollahian", "Amir Abdollahian", "Jaish al-Adl", "Jaish-al-Adl", "Ñandú"):
        assert name_key(text) == name_key.__wrapped__(text)
    assert name_key("Amir-Abdollahian") == name_key("Amir Abdollahian")


def _resident_mib() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


@pytest.mark.skipif(collector._malloc_trim() is None, reason="no malloc_trim: not glibc")
def test_freed_heap_pages_go_back_to_the_system() -> None:
    # 160 MiB in blocks of 2 KiB: above pymalloc's limit and below glibc's mmap threshold,
    # so they come from the C heap; one block made last keeps the heap's top in place,
    # so glibc cannot give the freed pages back by shrinking the heap on its own.
    blocks = [bytes(2048 - 40) + i.to_bytes(4, "little") for i in range(80_000)]
    pin = bytes(2048) + b"top"
    del blocks
    before = _resident_mib()
    collector.give_back_freed_memory()
    after = _resident_mib()
    assert before - after > 80, (before, after)
    assert pin.endswith(b"top")
