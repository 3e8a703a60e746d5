"""The pipeline: read inputs, clean, extract, validate. See `stages.py` for the stage order."""
