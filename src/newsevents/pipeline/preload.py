"""Imported once by the pool's fork server (workers.py): loads the model, the knowledge
and the stages' other one-time tables into it, so that every worker forked from it
starts with them (shared copy-on-write) instead of loading them itself. The release's
side processes are forked from it too (release/side_jobs.py): what their jobs import
is imported here as well (a few hundredths of a second once the model is loaded)."""

from newsevents.pipeline.workers import load_once
from newsevents.release.side_jobs import import_side_modules

load_once()
import_side_modules()
