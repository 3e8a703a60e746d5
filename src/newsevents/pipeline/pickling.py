"""Fast pickling for the slotted, frozen records that cross processes and the cache.

A dataclass made with `slots=True` pickles through the `__getstate__`/`__setstate__`
pair that `dataclasses` adds, which looks up the class's fields again for every object
and sets each one with `object.__setattr__`. A rebuild unpickles every cached article's
compact copy and facts (tens of records each): that lookup alone took 0.6 s of a
2,000-article rebuild. `fields_pickled` pickles a record as its class and its field
values in order, and unpickles it by calling the class: the same object, faster.
"""

import dataclasses
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def fields_pickled(cls: type[T]) -> type[T]:
    """Class decorator for a dataclass: pickle it as `cls(*field values)`. Every field
    must be an `__init__` argument, in declaration order (the dataclass default)."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not all(f.init for f in fields):
        raise TypeError(f"{cls.__name__}: every field must be an __init__ argument")
    names = [f.name for f in fields]
    # attrgetter of one name gives the value, of several a tuple.
    values = attrgetter(*names) if len(names) > 1 else lambda obj: (getattr(obj, names[0]),)

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls
