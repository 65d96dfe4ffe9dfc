"""The JSON Schema files are generated from the pydantic models, and every output validates against them."""
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from vnextract import Evidence, Record, extract
from vnextract.schemas import schema_texts

SCHEMAS = Path(__file__).parents[1] / "schemas"
SEED = (Path(__file__).parents[1] / "samples" / "seed.txt").read_text(encoding="utf-8")


def test_checked_in_schemas_match_the_models():
    generated = schema_texts()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert set(on_disk) == set(generated), "run `vnextract schema` to regenerate schemas/"
    for name, text in generated.items():
        assert on_disk[name] == text, f"schemas/{name} is out of date: run `vnextract schema`"


def test_output_validates_against_the_schema():
    schema = json.loads((SCHEMAS / "extraction.schema.json").read_text(encoding="utf-8"))
    out = json.loads(extract(SEED, source="seed").model_dump_json())
    jsonschema.validate(out, schema)
    assert out["records"][0]["value"] == 90260 and isinstance(out["records"][0]["value"], int)
    assert out["records"][0]["changes"][0]["percent"] == 14.8


def test_values_are_exact_decimals_in_python():
    r = extract("Năm 2023, doanh thu đạt 4.309,73 tỷ đồng.").records[0]
    assert r.value == Decimal("4309.73")


def test_records_refuse_inconsistent_fields():
    ev = Evidence(start=0, end=3, text="abc")
    with pytest.raises(ValidationError):
        Record(metric="x", value=None, unit="tỷ đồng", evidence=ev)
    with pytest.raises(ValidationError):
        Record(metric="x", months=(9, 1), evidence=ev)
    with pytest.raises(ValidationError):
        Evidence(start=0, end=5, text="abc")
    with pytest.raises(ValidationError):
        Record(metric="x", bound="roughly", evidence=ev)
