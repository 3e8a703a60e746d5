"""Slotted records pickled as their constructor's arguments (pipeline/pickling.py)."""

import pickle
from dataclasses import dataclass, field

import pytest

from newsevents.pipeline.pickling import fields_pickled


@fields_pickled
@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    offsets: tuple[int, int]
    note: str | None = None


@fields_pickled
@dataclass(frozen=True, slots=True)
class Sentence:
    mentions: tuple[Mention, ...]


def test_a_record_comes_back_equal_through_its_constructor() -> None:
    sentence = Sentence((Mention("Quetta", (10, 16)), Mention("Iran", (0, 4), "actor")))
    back = pickle.loads(pickle.dumps(sentence, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == sentence and back is not sentence
    assert type(back.mentions[1]) is Mention and back.mentions[1].note == "actor"
    # The dataclass's own state pair is not used: the constructor is.
    assert Mention.__reduce__(sentence.mentions[0]) == (Mention, ("Quetta", (10, 16), None))


def test_a_record_of_one_field_is_a_tuple_of_one() -> None:
    only = Sentence(())
    assert Sentence.__reduce__(only) == (Sentence, ((),))
    assert pickle.loads(pickle.dumps(only)) == only


def test_a_field_outside_the_constructor_is_refused() -> None:
    with pytest.raises(TypeError, match="__init__"):

        @fields_pickled
        @dataclass(frozen=True)
        class Counted:
            text: str
            length: int = field(init=False, default=0)
