"""Imported once by the pool's fork server (workers.py): loads the model, the knowledge
and the stages' other one-time tables into it, so that every worker forked from it
starts with them (shared copy-on-write) instead of loading them itself."""

from newsevents.pipeline.workers import load_once

load_once()
