"""Writing a release: Parquet + JSONL per config, schema, card, manifest, checksums."""
