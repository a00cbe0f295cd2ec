"""The seed and layout fixtures (imported by every test folder as `seedutil` — tests/ is on pytest's
pythonpath; not a conftest, whose module name clashes across folders)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "fixtures", "seeds")
LAYOUTS = os.path.join(HERE, "fixtures", "layouts")
ROOT = os.path.dirname(HERE)


def seed_path(prefix: str) -> str:
    for name in sorted(os.listdir(SEEDS)):
        if name.startswith(prefix) and name.endswith(".txt"):
            return os.path.join(SEEDS, name)
    raise FileNotFoundError(prefix)


def read_seed(prefix: str) -> str:
    with open(seed_path(prefix), encoding="utf-8") as fh:
        return fh.read()



def read_layout(name: str) -> str:
    with open(os.path.join(LAYOUTS, name), encoding="utf-8") as fh:
        return fh.read()
