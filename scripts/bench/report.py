"""The benchmark table: one row per measured command, printed aligned on stdout and written as
Markdown and JSON."""

from __future__ import annotations

import dataclasses
import json


@dataclasses.dataclass
class Row:
    """One measured command, or one that was skipped (then `skipped` says why)."""

    stage: str
    tool: str
    input: str
    wall: float | None = None  # seconds
    cpu: float | None = None  # user + system seconds
    mb_per_s: float | None = None  # input megabytes (10^6 bytes) per wall second
    rate: str = ""  # other throughput, e.g. "312 pages/s"
    peak_rss_mb: float | None = None  # MiB
    compared: str = ""  # ratio to the peer, goal and whether it is met
    note: str = ""
    skipped: str = ""
    extra: dict = dataclasses.field(default_factory=dict)  # raw figures, JSON only

    @property
    def mb_per_cpu_s(self) -> float | None:
        """Input megabytes per CPU second: the throughput of the work itself, which a busy
        machine does not distort as much as it does wall time."""
        if self.mb_per_s is None or self.wall is None or not self.cpu:
            return None
        return self.mb_per_s * self.wall / self.cpu


HEADERS = [
    "stage", "tool / mode", "input", "wall s", "CPU s", "MB/s", "MB/CPU-s", "other rate", "peak RSS MiB", "compared",
    "note",
]
NUMERIC_COLUMNS = {3, 4, 5, 6, 8}


def _cells(row: Row) -> list[str]:
    if row.skipped:
        return [row.stage, row.tool, row.input, "", "", "", "", "", "", "", f"skipped: {row.skipped}"]

    def number(value: float | None, digits: int) -> str:
        return "" if value is None else f"{value:.{digits}f}"

    return [
        row.stage,
        row.tool,
        row.input,
        number(row.wall, 2),
        number(row.cpu, 2),
        number(row.mb_per_s, 1),
        number(row.mb_per_cpu_s, 1),
        row.rate,
        number(row.peak_rss_mb, 0),
        row.compared,
        row.note,
    ]


def text_table(rows: list[Row]) -> str:
    """Aligned plain-text table (numbers right-aligned)."""
    table = [HEADERS] + [_cells(row) for row in rows]
    widths = [max(len(line[column]) for line in table) for column in range(len(HEADERS))]
    lines = []
    for index, line in enumerate(table):
        cells = [
            cell.rjust(widths[column]) if column in NUMERIC_COLUMNS else cell.ljust(widths[column])
            for column, cell in enumerate(line)
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(rows: list[Row]) -> str:
    """GitHub-flavoured Markdown table."""

    def escape(cell: str) -> str:
        return cell.replace("|", "\\|")

    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "|".join("---:" if i in NUMERIC_COLUMNS else "---" for i in range(len(HEADERS))) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(escape(cell) for cell in _cells(row)) + " |")
    return "\n".join(lines)


def write(rows: list[Row], meta: dict, markdown_path: str, json_path: str) -> None:
    """Writes the table as Markdown (with the run's context above it) and as JSON."""
    header = "\n".join(f"- {key}: {value}" for key, value in meta.items())
    with open(markdown_path, "w", encoding="utf-8") as out:
        out.write(f"# Enjeux benchmarks\n\n{header}\n\n{markdown_table(rows)}\n")
    with open(json_path, "w", encoding="utf-8") as out:
        json.dump({"meta": meta, "rows": [dict(dataclasses.asdict(row), mb_per_cpu_s=row.mb_per_cpu_s) for row in rows]}, out, ensure_ascii=False, indent=1)
        out.write("\n")
