"""The explorer: a page to look at a release offline (timeline, incidents, claims by
claimant, articles with their evidence, entities, map)."""

from newsevents.explorer.write import (
    EXPLORER_FOLDER,
    ExplorerSummary,
    explore_release,
    write_explorer,
)

__all__ = ["EXPLORER_FOLDER", "ExplorerSummary", "explore_release", "write_explorer"]
