"""Every command-line example in the README runs as written (copied line by line, no brackets)."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PREFIX = ".venv/bin/python -m srb_core"


def examples() -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    lines = [line.strip() for block in blocks for line in block.replace("\\\n", " ").splitlines()]
    return [line for line in lines if line.startswith(PREFIX)]


def test_the_readme_has_examples_and_no_placeholders():
    found = examples()
    assert len(found) >= 8
    for line in found:
        assert "[" not in line and "…" not in line and "|" not in line, line


@pytest.mark.parametrize("line", examples())
def test_example_runs(line, tmp_path):
    args = shlex.split(line)[1:]  # the interpreter: this one (the tests run inside .venv)
    args = [a.replace("ausgabe/", f"{tmp_path}/") for a in args]
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    written = [Path(a) for a in args if a.startswith(str(tmp_path))]
    assert all(p.stat().st_size > 1000 for p in written)
