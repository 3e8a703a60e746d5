"""Files compiled once per installation (user_cache.py): the language identifier, the
knowledge files, any compiled value."""

from pathlib import Path

import pytest

from newsevents import user_cache
from newsevents.pipeline import screen

ENGLISH = "The minister said on Tuesday that the strikes had killed at least nine people."
FRENCH = "Le ministre a déclaré mardi que les frappes avaient tué au moins neuf personnes."


def test_a_file_is_named_by_what_it_is_made_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    first = user_cache.compiled_file("thing", ".bin", ["pkg=1.0", b"code"])
    assert first.parent == tmp_path and first.name.startswith("thing-")
    assert user_cache.compiled_file("thing", ".bin", ["pkg=1.0", b"code"]) == first
    second = user_cache.compiled_file("thing", ".bin", ["pkg=1.1", b"code"])
    assert second != first
    user_cache.write_compiled(first, b"old")
    (tmp_path / "other-0123.bin").write_bytes(b"kept: another prefix")
    user_cache.write_compiled(second, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([second.name, "other-0123.bin"])
    assert second.read_bytes() == b"new"


def test_the_identifier_is_pickled_once_then_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    screen.language_identifier.cache_clear()
    try:
        assert screen.identify_language(ENGLISH)[0] == "en"
        [pickled] = tmp_path.glob("langid-*.pickle")
        from py3langid.langid import LanguageIdentifier

        def no_model(*args: object, **kwargs: object) -> None:
            raise AssertionError("the model file was read again")

        screen.language_identifier.cache_clear()
        monkeypatch.setattr(LanguageIdentifier, "from_model_file", no_model)
        assert screen.identify_language(FRENCH)[0] == "fr"
        monkeypatch.undo()

        monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
        pickled.write_bytes(b"not a pickle")  # a damaged file is made again
        screen.language_identifier.cache_clear()
        assert screen.identify_language(ENGLISH)[0] == "en"
        assert pickled.read_bytes() != b"not a pickle"
    finally:
        screen.language_identifier.cache_clear()


@pytest.fixture
def unwritable_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that cannot be made: a file stands where it should be."""
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(blocker / "cache"))


@pytest.mark.usefixtures("unwritable_cache")
def test_an_unwritable_cache_folder_still_identifies() -> None:
    screen.language_identifier.cache_clear()
    try:
        assert screen.identify_language(FRENCH)[0] == "fr"
    finally:
        screen.language_identifier.cache_clear()


def test_a_compiled_value_is_made_once_then_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    made: list[int] = []

    def make() -> dict[str, tuple[int, ...]]:
        made.append(1)
        return {"units": (1, 2, 3)}

    assert user_cache.compiled_value("table", ["v1"], make) == {"units": (1, 2, 3)}
    assert user_cache.compiled_value("table", ["v1"], make) == {"units": (1, 2, 3)}
    assert len(made) == 1  # the second came from the file
    [path] = tmp_path.glob("table-*.pickle")
    path.write_bytes(b"\x80\x05 damaged")
    assert user_cache.compiled_value("table", ["v1"], make) == {"units": (1, 2, 3)}
    assert len(made) == 2 and path.read_bytes() != b"\x80\x05 damaged"
    user_cache.compiled_value("table", ["v2"], make)  # made from something else: remade
    [other] = tmp_path.glob("table-*.pickle")  # and the file of "v1" dropped
    assert len(made) == 3 and other != path


@pytest.mark.usefixtures("unwritable_cache")
def test_a_compiled_value_without_a_writable_folder_is_made_each_time() -> None:
    made: list[int] = []

    def make() -> list[int]:
        made.append(1)
        return [1, 2]

    assert user_cache.compiled_value("table", ["v1"], make) == [1, 2]
    assert user_cache.compiled_value("table", ["v1"], make) == [1, 2]
    assert len(made) == 2


def test_knowledge_files_are_parsed_once_per_version_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    from newsevents import knowledge

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    text = (Path(knowledge.__file__).parent / "outlets.yaml").read_text("utf-8")
    parsed = yaml.safe_load(text)
    assert knowledge.load_yaml("outlets") == parsed
    assert len(list(tmp_path.glob("knowledge_outlets-*.pickle"))) == 1

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(yaml, "load", no_parse)
    assert knowledge.load_yaml("outlets") == parsed
