"""Check that the packages installed in this environment are exactly those of a lock file.

`python scripts/check_lock.py requirements.lock` exits 1 and names every difference, so an
environment never runs with a package version that was not tested.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)")


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def pins(lines: list[str]) -> dict[str, str]:
    """name → version of every `name==version` line (names normalised as in PEP 503)."""
    found = {}
    for line in lines:
        match = _PIN.match(line.strip())
        if match:
            found[_name(match.group(1))] = match.group(2)
    return found


def installed() -> dict[str, str]:
    """What `pip freeze` lists (pip itself and the venv's setuptools are tools, not dependencies)."""
    freeze = subprocess.run([sys.executable, "-m", "pip", "freeze", "--all", "--exclude", "pip",
                             "--exclude", "setuptools"],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    return pins(freeze)


def main(lock: str, sync: bool = False) -> int:
    wanted = pins(Path(lock).read_text(encoding="utf-8").splitlines())
    if sync:  # remove what an earlier, larger lock left behind
        extra = sorted(set(installed()) - set(wanted))
        if extra:
            subprocess.run([sys.executable, "-m", "pip", "uninstall", "-q", "-y", *extra], check=True)
    have = installed()
    differences = sorted(set(wanted.items()) ^ set(have.items()))
    for name, version in differences:
        where = "nur im Lock" if wanted.get(name) == version else "nur installiert"
        print(f"{name}=={version}: {where}", file=sys.stderr)
    if differences:
        print(f"Fehler: Die Umgebung weicht von {lock} ab ({len(differences)} Unterschiede).", file=sys.stderr)
        return 1
    print(f"Umgebung entspricht {lock}: {len(have)} Pakete.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--sync"]
    sys.exit(main(args[0] if args else "requirements.lock", sync="--sync" in sys.argv[1:]))
