"""newsevents: raw news articles in, a validated, reproducible research dataset out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsevents")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

SCHEMA_VERSION = "1.0.0"
"""Version of the record layout (data contract v1). Bump on any field change."""
