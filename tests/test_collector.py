"""The build's use of the garbage collector (pipeline/collector.py), and the memos that
save the stages repeated work (textutil.name_key, Gazetteer.lookup): same answers,
bounded memory."""

import gc

import pytest

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
