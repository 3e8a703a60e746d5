"""The card's picture: incidents over time and the best killed figure of each, as a PNG.

Drawn with matplotlib's Agg backend at a fixed size and resolution, with the DejaVu
font matplotlib ships and no metadata (no software name, no date), so the same release
gives the same bytes. The incidents are read from the release's Parquet in batches;
only a day, a type and a figure per dated incident are kept.
"""

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

TIMELINE_PNG = "images/timeline.png"  # relative to the release; the card links it
SIZE_INCHES = (10.0, 4.2)
DPI = 100
BATCH_ROWS = 1024


def write_timeline_figure(release: Path, target: Path | None = None) -> Path:
    """Draw the figure of the release folder `release` to `target` (default
    `release/images/timeline.png`); returns the path written."""
    import pyarrow.parquet as pq

    target = target or release / TIMELINE_PNG
    per_day: Counter[dt.date] = Counter()
    killed: list[tuple[dt.date, int, str]] = []
    for path in sorted((release / "incidents").glob("*.parquet")):
        columns = ["date", "date_min", "type", "killed_best"]
        for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH_ROWS, columns=columns):
            for row in batch.to_pylist():
                day = row["date"] or row["date_min"]
                if day is None:
                    continue
                per_day[day] += 1
                if row["killed_best"] is not None:
                    killed.append((day, row["killed_best"], row["type"]))
    target.parent.mkdir(parents=True, exist_ok=True)
    _draw(per_day, sorted(killed), target)
    return target


def _draw(per_day: Counter[dt.date], killed: list[tuple[dt.date, int, str]], target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    style: dict[str, Any] = {
        "font.family": "DejaVu Sans", "font.size": 9,
        "axes.spines.top": False, "axes.spines.right": False,
    }  # fmt: skip
    # matplotlib types its keys as a Literal of every rc name; a dict of str is refused.
    with matplotlib.rc_context(style):  # type: ignore[arg-type]
        figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
        top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(1, 1.4))
        if per_day:
            days = sorted(per_day)
            _day_bars(top, days, [per_day[d] for d in days])
            top.set_ylabel("incidents")
            if killed:
                bottom.vlines(
                    [k[0] for k in killed], 0, [k[1] for k in killed], color="#a50f15", lw=1.2
                )
                bottom.scatter(
                    [k[0] for k in killed], [k[1] for k in killed], s=14, color="#a50f15", zorder=3
                )
            else:
                bottom.text(0.5, 0.5, "no killed figure", transform=bottom.transAxes,
                            ha="center", va="center", color="#555")  # fmt: skip
            bottom.set_ylabel("killed (best)")
            bottom.set_ylim(bottom=0)
            locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
            bottom.xaxis.set_major_locator(locator)
            bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
            if len(days) == 1:
                bottom.set_xlim(days[0] - dt.timedelta(days=3), days[0] + dt.timedelta(days=3))
        else:
            for axes in (top, bottom):
                axes.set_axis_off()
            top.text(0.5, 0.5, "no dated incident", transform=top.transAxes, ha="center")
        top.set_title(
            "Incidents per day (day, or first day of the interval) and the best killed figure "
            "of each",
            loc="left",
            fontsize=10,
        )
        figure.tight_layout()
        # No metadata: matplotlib would write its version and nothing else varies.
        figure.savefig(target, format="png", metadata={"Software": None})


def _day_bars(axes: Any, days: list[dt.date], counts: list[int]) -> None:
    """A bar 0.9 day wide per day, drawn as one collection: `Axes.bar` makes a patch per
    bar, and for a year of days those took most of the figure's second."""
    import matplotlib.dates as mdates
    from matplotlib.collections import PolyCollection

    half = 0.45
    bars = [
        [(x - half, 0), (x - half, n), (x + half, n), (x + half, 0)]
        for x, n in zip(mdates.date2num(days), counts, strict=True)
    ]
    axes.xaxis_date()
    axes.add_collection(PolyCollection(bars, facecolors="#20303f", edgecolors="none"))
    axes.autoscale_view()
    axes.set_ylim(bottom=0)
