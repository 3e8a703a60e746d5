"""newsevents: raw news articles in, a validated, reproducible research dataset out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsevents")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


def load(release, config="articles", *, kind="pandas"):  # type: ignore[no-untyped-def]
    """Read one config of a release built by `newsevents build`, with its types.

    `release` is the release folder (e.g. "releases/0.1.0"); `config` one of articles,
    entities, events, claims, incidents; `kind="pandas"` returns a DataFrame with Arrow
    dtypes (nullable integers stay integers, dates stay dates: filter them with
    `datetime.date`), `kind="arrow"` a `pyarrow.Table`. The Parquet files are read by
    path, so a release rebuilt in place is never read from a stale cache.

    Example: `newsevents.load("releases/0.1.0", "claims")`
    """
    from newsevents.release.loading import read_config

    return read_config(release, config, kind=kind)


SCHEMA_VERSION = "1.2.0"
"""Version of the record layout (data contract v1). Bump on any field change.

1.1.0: events carry `date_start`, `date_end`, `date_source`; claims carry `date_source`,
`figure_span`, `victims_span`, `claimant_span`, `vague`, `scope`, `breakdown`; claim rows
carry `incident_id`; incident claims say `used` and `left_out`; the manifest counts
`event_date_sources`.
1.2.0: the manifest says whether the build was `forced` and its `previous_version`; an
article id from a file in a subfolder is its path without suffix ('a/index'); articles
carry `text_policy` (full, spans, none; under spans and none `content_sha256` is the full
text's hash and span texts may be withheld); the manifest records `text_policy` and takes
`dataset` from the input folder's description."""
