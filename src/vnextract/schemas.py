"""JSON Schema files generated from the pydantic models."""
from __future__ import annotations

import json
from pathlib import Path

from .schema import Change, Evidence, Extraction, Record

MODELS = {"record": Record, "change": Change, "evidence": Evidence, "extraction": Extraction}


def schema_texts() -> dict[str, str]:
    """File name → JSON text of each model's schema (serialisation mode: what the output holds)."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(mode="serialization"), ensure_ascii=False, indent=2) + "\n"
        for name, model in MODELS.items()
    }


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
