"""Reading a release back with the types it was written with.

Parquet files are read by explicit path, never through a cache keyed on the folder's
name: a release rebuilt in place is read as it is now. Pandas gets Arrow-backed
columns, so a nullable integer stays an integer (not a float with NaN) and a date stays
a date (compare it with `datetime.date`, not a string).
"""

from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.errors import E, UserError
from newsevents.schema import CONFIG_MODELS


def read_config(
    release: str | Path, config: str = "articles", *, kind: Literal["pandas", "arrow"] = "pandas"
) -> Any:
    """One config of a release as a pandas DataFrame (Arrow dtypes) or an Arrow table."""
    if config not in CONFIG_MODELS:
        raise UserError(E.E027, config=config, valid=", ".join(CONFIG_MODELS))
    if kind not in ("pandas", "arrow"):
        raise UserError(E.E028, kind=kind)
    folder = Path(release)
    files = sorted((folder / config).glob("*.parquet"))
    if not (folder / "manifest.json").is_file() or not files:
        raise UserError(E.E029, path=folder, config=config)
    table = pa.concat_tables([pq.read_table(path) for path in files])
    if kind == "arrow":
        return table
    import pandas as pd

    return table.to_pandas(types_mapper=pd.ArrowDtype)
