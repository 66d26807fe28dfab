import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def seed_gold():
    return json.loads((Path(__file__).parent / "gold_seeds.json").read_text("utf-8"))
