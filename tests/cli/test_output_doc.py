"""docs/output.md documents every field of every output model and every batch column, so it cannot drift."""
import typing
from pathlib import Path

import pytest
import regex

from vnextract.batch.sinks import COLUMNS
from vnextract.schema import Amount, Change, Evidence, Extraction, Record

DOC = (Path(__file__).parents[2] / "docs" / "output.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text under the heading that contains ``title``, up to the next heading of its level or higher."""
    m = regex.search(r"(?m)^(#+) [^\n]*" + regex.escape(title) + r"[^\n]*\n", DOC)
    assert m, f"docs/output.md has no heading with {title!r}"
    end = regex.compile(rf"(?m)^#{{1,{len(m.group(1))}}} ").search(DOC, m.end())
    return DOC[m.end():end.start() if end else len(DOC)]


def rows(text: str) -> dict[str, str]:
    """First-column key of each table row → the whole row."""
    return {m.group(1): m.group(0) for m in regex.finditer(r"(?m)^\| `([a-z_]+)` \|[^\n]*", text)}


@pytest.mark.parametrize("model, extra", [(Extraction, {"text"}), (Record, set()), (Change, set()), (Evidence, set()),
                                          (Amount, set())])
def test_every_field_of_every_model_is_documented(model, extra):
    documented = rows(section(f"(`{model.__name__}`)"))
    assert set(documented) == set(model.model_fields) | extra
    for name, field in model.model_fields.items():
        # the values of a small closed set are each named in the field's row
        ann = field.annotation
        for arg in (ann,) if typing.get_origin(ann) is typing.Literal else typing.get_args(ann) or (ann,):
            values = typing.get_args(arg) if typing.get_origin(arg) is typing.Literal else ()
            if 0 < len(values) <= 10:
                for v in values:
                    assert f"`{v}`" in documented[name], (model.__name__, name, v)


def test_every_batch_column_is_documented_in_order():
    assert tuple(rows(section("Columns of the CSV and Parquet tables"))) == COLUMNS


def test_every_table_column_is_documented_in_order():
    from vnextract.tabulate import COLUMNS as TABLE_COLUMNS

    assert tuple(rows(section("The statistical table"))) == TABLE_COLUMNS


def test_error_rows_and_exit_statuses_are_documented():
    assert set(rows(section("Error rows"))) == {"source", "error"}
    statuses = regex.findall(r"(?m)^\| (\d+) \|", section("Exit statuses"))
    assert statuses == ["0", "1", "2", "141"]
