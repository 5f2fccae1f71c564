"""pyproject.toml in the form current setuptools reads without a deprecation warning.

A licence given as a TOML table (``{ text = ... }``) makes every ``pip install`` print
setuptools' "project.license as a TOML table is deprecated" warning (and stops building
after 2027-02-18); PEP 639's form is an SPDX expression string, read by setuptools >= 77.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_licence_is_an_spdx_expression() -> None:
    licence = PYPROJECT["project"]["license"]
    assert isinstance(licence, str), f"project.license is {licence!r}: a table is deprecated, use an SPDX string"
    assert canonicalize_license_expression(licence) == licence


def test_the_build_backend_reads_spdx_licences() -> None:
    requirements = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]
    setuptools = next(r for r in requirements if r.name == "setuptools")
    lowest = min((Version(s.version) for s in setuptools.specifier if s.operator in (">=", "==", "~=")), default=None)
    assert lowest is not None and lowest >= Version("77"), f"{setuptools}: SPDX licences need setuptools >= 77"


def test_no_licence_classifier_beside_the_expression() -> None:
    """PEP 639: a ``License ::`` classifier next to a licence expression is an error in setuptools."""
    assert not [c for c in PYPROJECT["project"].get("classifiers", []) if re.match(r"License ::", c)]
