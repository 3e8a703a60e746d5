"""The pipeline: read inputs, clean, extract, validate. See `pipeline.py` for the stage order."""
