"""Runs the busted specs of the edge's pure Lua modules (Debian's lua-busted) as part of pytest."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_lua_specs_pass() -> None:
    busted = shutil.which("busted")
    assert busted, "busted is missing: make test installs lua-busted"
    result = subprocess.run(
        [busted, "--lpath", str(ROOT / "lua" / "?.lua"), "--output", "plainTerminal", str(ROOT / "tests" / "lua")],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 failures" in result.stdout and " 0 errors" in result.stdout
