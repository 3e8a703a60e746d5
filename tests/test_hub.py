"""`newsevents publish`: the plan, the refusals and the calls handed to the Hub client.
No network: a fake client records the calls."""

import json
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.errors import UserError
from newsevents.release.assemble import PARQUET_NAME, BuildReport
from newsevents.release.hub import plan_publication, publish

from .conftest import ROOT


class FakeHub:
    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def _record(self, name: str, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((name, args, kwargs))

    def create_repo(self, repo_id: str, **kwargs: Any) -> None:
        self._record("create_repo", repo_id, **kwargs)

    def create_branch(self, repo_id: str, **kwargs: Any) -> None:
        self._record("create_branch", repo_id, **kwargs)

    def create_commit(self, repo_id: str, operations: Any, **kwargs: Any) -> Any:
        self._record("create_commit", repo_id, list(operations), **kwargs)
        return type("CommitInfo", (), {"oid": "c0ffee"})()

    def create_tag(self, repo_id: str, **kwargs: Any) -> None:
        self._record("create_tag", repo_id, **kwargs)


@pytest.fixture
def release(seed_release: BuildReport, tmp_path: Path) -> Path:
    """A private copy of the seed release, free to damage."""
    return Path(shutil.copytree(seed_release.release_dir, tmp_path / "test"))


def _files(release: Path) -> list[str]:
    return sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file())


def test_publish_makes_one_commit_of_every_file_and_tags_it(release: Path) -> None:
    hub = FakeHub()
    publish(release, "my-org/newsevents", private=True, revision="v1", client=hub)
    assert [name for name, _, _ in hub.calls] == [
        "create_repo", "create_branch", "create_commit", "create_tag",
    ]  # fmt: skip
    _, repo, kwargs = hub.calls[0]
    assert repo == ("my-org/newsevents",)
    assert kwargs == {"repo_type": "dataset", "private": True, "exist_ok": True}
    _, (repo_id, operations), commit = hub.calls[2]
    assert commit == {"commit_message": "test", "repo_type": "dataset", "revision": "v1"}
    assert sorted(op.path_in_repo for op in operations) == _files(release)
    assert "croissant.json" in _files(release)
    _, _, tag = hub.calls[3]
    assert (tag["tag"], tag["revision"], tag["repo_type"]) == ("test", "c0ffee", "dataset")


def test_dry_run_prints_the_plan_and_needs_no_token(release: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.setenv("HF_HOME", str(release.parent / "no-login"))
    result = CliRunner().invoke(
        app, ["publish", str(release), "--repo-id", "my-org/newsevents", "--private", "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "repo: my-org/newsevents (dataset, private)" in out
    assert "revision: main" in out and "commit message: test" in out and "tag: test" in out
    size = (release / "articles" / PARQUET_NAME).stat().st_size
    assert f"{size:,}  articles/{PARQUET_NAME}" in out
    assert all(f"  {name}\n" in out for name in _files(release))


def test_no_token_is_refused(release: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.setenv("HF_HOME", str(release.parent / "no-login"))
    result = CliRunner().invoke(
        app, ["publish", str(release), "--repo-id", "my-org/newsevents", "--private"]
    )
    assert result.exit_code == 1
    assert "[E016] no Hugging Face token: set HF_TOKEN" in result.output


def test_a_flipped_byte_fails_verification(release: Path) -> None:
    parquet = release / "claims" / PARQUET_NAME
    data = bytearray(parquet.read_bytes())
    data[100] ^= 0xFF
    parquet.write_bytes(bytes(data))
    hub = FakeHub()
    with pytest.raises(
        UserError, match=r"\[E014\].*claims/train-00000-of-00001.parquet: SHA-256 does not match"
    ):
        publish(release, "my-org/newsevents", private=True, client=hub)
    assert hub.calls == []


def test_a_missing_manifest_fails_verification(release: Path) -> None:
    (release / "manifest.json").unlink()
    with pytest.raises(UserError, match=r"\[E014\].*no manifest.json"):
        plan_publication(release, "my-org/newsevents", private=True)


@pytest.mark.parametrize(
    "repo_id", ["newsevents", "a/b/c", "my org/x", "org/-x", "org/x--y", "org/x..y", "/x", ""]
)
def test_an_invalid_repo_id_is_refused(release: Path, repo_id: str) -> None:
    with pytest.raises(UserError, match=r"\[E015\]"):
        plan_publication(release, repo_id, private=True)


def test_full_texts_need_the_rights_flag_to_go_public(release: Path) -> None:
    with pytest.raises(UserError, match=r"\[E017\].*--i-have-the-rights-to-publish-texts"):
        plan_publication(release, "my-org/newsevents")
    assert plan_publication(release, "my-org/newsevents", rights_to_texts=True).private is False
    assert plan_publication(release, "my-org/newsevents", private=True).text_policy == "full"


def test_a_release_without_full_texts_may_go_public(release: Path) -> None:
    """The `text_policy` recorded by `build --text`: only `full` needs the flag."""
    manifest = json.loads((release / "manifest.json").read_text("utf-8"))
    manifest["text_policy"] = "spans"
    (release / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    from newsevents.release.checksums import write_checksums

    write_checksums(release)
    hub = FakeHub()
    plan = publish(release, "my-org/newsevents", client=hub)
    assert plan.text_policy == "spans" and hub.calls[0][2]["private"] is False
    assert [name for name, _, _ in hub.calls] == ["create_repo", "create_commit", "create_tag"]


def test_the_readme_dry_run_works_as_written(
    seed_release: BuildReport, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    readme = (ROOT / "README.md").read_text("utf-8")
    (line,) = [x for x in readme.splitlines() if x.startswith("newsevents publish ")]
    args = shlex.split(line)[1:]
    shutil.copytree(seed_release.release_dir, tmp_path / args[1])
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HF_TOKEN", raising=False)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "dry run: nothing was sent" in result.output
