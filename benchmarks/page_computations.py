"""Count the pandas computations written in pages/*.py (issue 19: pages only draw, data functions compute).

    python benchmarks/page_computations.py [ROOT]

Counts calls of aggregation and reshaping methods (groupby, value_counts, merge, sort_values, sum...)
per page file; ROOT defaults to this checkout (pass another tree, e.g. an exported `main`, to compare)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

METHODS = {"groupby", "value_counts", "pivot_table", "crosstab", "merge", "sort_values", "sum", "mean", "nunique",
           "drop_duplicates", "reindex", "isin", "cumsum", "agg", "transform", "explode", "max", "min", "count"}


def count(path: Path) -> int:
    return sum(1 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in METHODS)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    total = 0
    for path in sorted(root.glob("pages/*.py")):
        n = count(path)
        total += n
        print(f"{path.name:18} {n}")
    print(f"{'total':18} {total}")


if __name__ == "__main__":
    main()
