"""The error catalog: every user-facing error and reject reason, with its remedy.

User errors (a missing folder, a release that already exists) raise `UserError`,
which the CLI prints as one line and exit code 1. Bad *input* is not an exception:
it becomes a `Reject` record whose `reason` is one of `REJECT_REASONS`.
"""

from enum import Enum


class UserError(Exception):
    """A mistake the user can fix; the message ends with the remedy."""

    def __init__(self, code: "E", **details: object) -> None:
        self.code = code
        super().__init__(f"[{code.name}] " + code.value.format(**details))


class E(Enum):
    """Coded messages for `UserError`; `{placeholders}` are filled from details."""

    E001 = "input folder {path} does not exist; pass an existing folder with --input"
    E002 = (
        "input folder {path} holds no article files (.txt, .html, .jsonl); add some or fix --input"
    )
    E003 = "release {path} already exists; pass --force to replace it or choose another --version"
    E004 = (
        "{count} input(s) rejected: {summary}; fix them, or pass --keep-going to build without them"
    )
    E005 = "{path} is not a release folder (no jsonl/articles.jsonl); pass the folder `build` wrote"
    E006 = "no gold files (*.yaml) found in {paths}; pass the folder that holds them"
    E007 = "gold file {path} is invalid: {problem}; fix it to follow the format in the eval README"
    E008 = "dataset card template {path} not found; pass an existing file with --card, or reinstall newsevents (the default template is package data)"
    E009 = "version {version!r} is not a valid folder name; use letters, digits, '.', '-' or '_'"
    E010 = "release {path} is being built by process {pid} (lock {lock}); wait for that build to end, or choose another --version"
    E011 = "no article could be built: all {count} input(s) were rejected ({summary}); see rejects above and fix the inputs"
    E012 = "release {path} appeared while this build ran (another build wrote it); pass --force to replace it or choose another --version"
    E013 = "input folder {path} cannot be read: {problem}; check its permissions"
    E014 = "{path} fails verification: {problems}; rebuild it with `newsevents build --force` before publishing"
    E015 = "repo id {repo_id!r} is not ORG/NAME (letters, digits, '-', '_', '.'; no '--' or '..'); pass e.g. --repo-id my-org/newsevents"
    E016 = "no Hugging Face token: set HF_TOKEN or run `hf auth login`, or pass --dry-run to see the plan"
    E017 = "{path} holds full article texts (text_policy {policy!r}) and {repo_id} would be public; pass --private, or --i-have-the-rights-to-publish-texts if the publishers' licences allow it"
    E022 = "dataset description {path} is invalid: {problem}; fix it (`newsevents init DIR` writes a commented example)"
    E023 = "--out {out}: {path} is a file, not a folder; pass a folder (it is created if missing)"
    E024 = "--out {path} cannot be written: {problem}; pass a folder you can write to"
    E025 = "{path} already exists; edit it, or pass --force to overwrite it"
    E026 = "text policy {policy!r} is unknown; use one of {valid}"
    E027 = "config {config!r} is not in a release; use one of {valid}"
    E028 = "kind {kind!r} is unknown; use 'pandas' or 'arrow'"
    E029 = "{path} is not a release folder (no manifest.json or no {config}/*.parquet); pass the folder `build` wrote"
    E030 = "--workers {workers} is not a number of processes; pass 1 or more (1 runs the build in this process; the default is this machine's {cores} cores)"
    E031 = "engine {engine!r} is unknown; use one of {valid}"
    E032 = "--scheduler {scheduler} needs --engine dask (the local engine runs no scheduler); add --engine dask, or drop --scheduler"
    E033 = "cannot reach the Dask scheduler at {address}: {problem}; start one with `dask scheduler` (it prints its address, tcp://HOST:8786) and pass that address, or drop --scheduler to start a local Dask cluster"
    E034 = "the Dask scheduler at {address} has no workers after {seconds} s; start some with `dask worker {address} --nworkers 2 --nthreads 1` (each needs newsevents installed), or drop --scheduler to start a local Dask cluster"
    E040 = "the article cache {path} cannot be used ({problem}); pass another folder with --cache DIR, or --no-cache to build without it"
    E045 = "{path} is not a release folder (no manifest.json or no {config}/*.parquet); pass the folder `newsevents build` wrote"
    E046 = "--out {path} is a file, not a folder; pass a folder for the explorer (it is created if missing)"
    E047 = "--out {path} is a folder that holds other files than an explorer; pass an empty or new folder (an explorer written before is replaced)"
    E048 = "--out {path} is inside the release {release}, which its SHA256SUMS would no longer match; pass a folder outside it (every build already writes explorer/index.html into the release)"


# Reject reason slug -> how to fix it. Every Reject.reason must be a key here.
REJECT_REASONS: dict[str, str] = {
    "empty-article": "the file or record has no text; remove it or add the article text",
    "binary-file": "the file holds NUL bytes, so it is not text; remove it or export it as UTF-8 text",
    "not-utf8": "re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8 FILE`)",
    "invalid-jsonl": "each line must be one JSON object; fix or remove the line",
    "missing-text": "add a non-empty `text` field to the record",
    "invalid-field": "give the field a value of the expected type",
    "invalid-date": "write the date as a real calendar date, YYYY-MM-DD",
    "duplicate-article-id": "give each article a unique `id` (or file name); remove true duplicates",
    "no-main-text": "the HTML page has no article body; save the full article page",
    "invalid-yaml": "fix the YAML syntax at the line given",
    "invalid-sources-entry": "use only the keys url, outlet, published_date, note",
    "unknown-source-file": "the entry names a file that is not in the folder; fix the name or remove the entry",
    "invalid-record": "the article broke a schema invariant; see the message, this is a bug to report",
    "utf-16": "the file is UTF-16 without a byte order mark or with broken pairs; re-save it as UTF-8 (`iconv -f utf-16 -t utf-8 FILE`)",
    "symlink": "symbolic links are not followed, so a release never publishes a file from outside the input folder; copy the file into the folder instead",
    "unreadable-file": "the file cannot be read (permissions or an I/O error); make it readable (`chmod +r FILE`) or remove it",
    "file-name-not-utf8": "the file name is not UTF-8; rename it (e.g. `convmv -f latin1 -t utf-8 --notest FILE`)",
    "file-too-large": "the file is larger than the input limit; split it (one article per .txt, or one per line in .jsonl)",
    "article-too-long": "the article is longer than the documented limit; split it or check that it is one article",
    "not-an-article": "after boilerplate is removed too little text is left to be a news article; save the full article page",
    "unsupported-language": "the pipeline reads English only; remove the article or give it an English translation",
    "unsafe-yaml": "YAML anchors, aliases and over-large or over-deep files are not accepted; write every value out in full",
    "duplicate-key": "a key appears twice in the same mapping; keep one of them",
    "date-out-of-range": "the date is outside the supported window; check the year",
    "internal-error": "newsevents failed on this input; this is a bug: report it with the file, the rest was built",
}


class RejectedInputs(UserError):
    """Inputs were rejected and the build was not told to keep going."""

    def __init__(self, rejects: list, summary: str) -> None:  # list[Reject]; no import cycle
        super().__init__(E.E004, count=len(rejects), summary=summary)
        self.rejects = rejects


class NothingBuilt(UserError):
    """Every input was rejected (with --keep-going): there is no release to write."""

    def __init__(self, rejects: list, summary: str) -> None:  # list[Reject]
        super().__init__(E.E011, count=len(rejects), summary=summary)
        self.rejects = rejects
