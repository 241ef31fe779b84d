"""The long run of the incremental == full property (tests/incremental/, the property test).

    .venv/bin/python bench/property.py --examples 300

`make test` tries a dozen edit sequences; this tries as many as asked, with the same test."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300)
    args = parser.parse_args()
    env = {**os.environ, "BRIEFING_PROPERTY_EXAMPLES": str(args.examples)}
    test = ["tests/incremental/test_incremental_property.py", "-q", "-p", "no:cacheprovider"]
    return subprocess.run([sys.executable, "-m", "pytest", *test], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
