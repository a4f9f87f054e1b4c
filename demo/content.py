"""The demo's content files (``demo/data/*.json``), read as `seed_demo` needs them."""

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def load(name):
    """The parsed ``demo/data/<name>.json``."""
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
