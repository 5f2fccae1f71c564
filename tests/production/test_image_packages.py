"""The image carries every package the project installs: a package left out of the Dockerfile's COPY lines
(web/, the sign-in pages and the dashboard, was) only shows when the stack starts and fails to import it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_installed_package_is_copied_into_the_image() -> None:
    packages = {p.rstrip("*") for p in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"]["find"]["include"]}
    copied = set(re.findall(r"^COPY (\w+) \1$", (ROOT / "Dockerfile").read_text(), re.MULTILINE))
    assert packages and packages <= copied, packages - copied
