"""Publish a release folder to a dataset repository on the Hugging Face Hub.

`publish` checks the release first and refuses on any problem, then makes one commit
holding every file of the release (the version as its message) and tags it with the
version. `plan_publication` computes that commit without any network, for `--dry-run`.
The token comes from `HF_TOKEN` or the saved login and is never printed.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from newsevents.errors import E, UserError
from newsevents.release.verify import verify_release

# The Hub's rule for a repo name: ORG/NAME of letters, digits, '-', '_', '.', at most 96
# characters each, without '--' or '..', not starting or ending with '-' or '.'.
_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?"
_REPO_ID = re.compile(rf"^{_NAME}/{_NAME}$")
# Texts in a release, as the build records them (`text_policy` in manifest.json).
FULL_TEXT = "full"


class HubClient(Protocol):
    """The part of `huggingface_hub.HfApi` that `publish` uses (a fake in tests)."""

    def create_repo(self, repo_id: str, **kwargs: Any) -> Any: ...
    def create_branch(self, repo_id: str, **kwargs: Any) -> Any: ...
    def create_commit(self, repo_id: str, operations: Any, **kwargs: Any) -> Any: ...
    def create_tag(self, repo_id: str, **kwargs: Any) -> Any: ...


@dataclass(frozen=True)
class PlannedFile:
    path_in_repo: str
    local: Path
    size: int


@dataclass(frozen=True)
class Publication:
    """The one commit `publish` makes (or, with a dry run, would make)."""

    repo_id: str
    revision: str
    private: bool
    message: str
    tag: str
    text_policy: str
    files: tuple[PlannedFile, ...]

    def describe(self) -> list[str]:
        """Lines for a person: the commit, then every file with its size."""
        total = sum(f.size for f in self.files)
        lines = [
            f"repo: {self.repo_id} (dataset, {'private' if self.private else 'public'})",
            f"revision: {self.revision}",
            f"commit message: {self.message}",
            f"tag: {self.tag}",
            f"text policy: {self.text_policy}",
            f"files: {len(self.files)}, {total:,} bytes",
        ]
        return lines + [f"  {f.size:>12,}  {f.path_in_repo}" for f in self.files]


def plan_publication(
    release: Path,
    repo_id: str,
    *,
    revision: str = "main",
    private: bool = False,
    rights_to_texts: bool = False,
) -> Publication:
    """Check the release and the options and return the commit to make; no network.

    Raises `UserError` for an invalid repo id, a release that fails verification, or full
    article texts headed for a public repo without `rights_to_texts`."""
    if not _REPO_ID.match(repo_id) or "--" in repo_id or ".." in repo_id:
        raise UserError(E.E015, repo_id=repo_id)
    problems = _verified(release)
    if problems:
        raise UserError(E.E014, path=release, problems="; ".join(problems[:5]))
    manifest = json.loads((release / "manifest.json").read_text("utf-8"))
    # Builds before the `--text` option wrote no policy: their texts are full.
    policy = manifest.get("text_policy", FULL_TEXT)
    if policy == FULL_TEXT and not private and not rights_to_texts:
        raise UserError(E.E017, path=release, policy=policy, repo_id=repo_id)
    files = tuple(
        PlannedFile(p.relative_to(release).as_posix(), p, p.stat().st_size)
        for p in sorted(release.rglob("*"))
        if p.is_file()
    )
    version = manifest["version"]
    return Publication(
        repo_id=repo_id, revision=revision, private=private, message=version,
        tag=version, text_policy=policy, files=files,
    )  # fmt: skip


def publish(
    release: Path,
    repo_id: str,
    *,
    revision: str = "main",
    private: bool = False,
    rights_to_texts: bool = False,
    token: str | None = None,
    client: HubClient | None = None,
) -> Publication:
    """Publish `release` to the dataset repo `repo_id`: create the repo if needed (private
    when asked), make one commit with every file on `revision`, tag it with the version.

    `token` defaults to `HF_TOKEN` or the saved login; `client` to `huggingface_hub.HfApi`.
    Returns what was published. Refuses (UserError) as `plan_publication` does, and
    without a token."""
    plan = plan_publication(
        release, repo_id, revision=revision, private=private, rights_to_texts=rights_to_texts
    )
    if client is None:
        from huggingface_hub import get_token

        token = token or get_token()  # HF_TOKEN first, then the saved login
        if not token:
            raise UserError(E.E016)
        client = _hf_api(token)
    from huggingface_hub import CommitOperationAdd

    client.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
    if revision != "main":
        client.create_branch(repo_id, branch=revision, repo_type="dataset", exist_ok=True)
    operations = [CommitOperationAdd(f.path_in_repo, f.local) for f in plan.files]
    commit = client.create_commit(
        repo_id, operations, commit_message=plan.message, repo_type="dataset", revision=revision
    )
    client.create_tag(
        repo_id, tag=plan.tag, revision=getattr(commit, "oid", None) or revision,
        repo_type="dataset", tag_message=f"release {plan.tag}",
    )  # fmt: skip
    return plan


def _hf_api(token: str) -> HubClient:
    from huggingface_hub import HfApi

    # HfApi spells out keyword-only parameters where HubClient takes **kwargs: the same
    # calls, which mypy cannot see as one type.
    api: HubClient = HfApi(token=token)  # type: ignore[assignment]
    return api


def _verified(release: Path) -> list[str]:
    """Problems that forbid publishing `release` (empty when none): everything
    `newsevents verify` checks."""
    if not release.is_dir():
        return [f"{release} is not a folder"]
    return verify_release(release)
