"""Regression: building the Bolt app froze every ``pagemagic.*`` logger at the root's level."""

from __future__ import annotations

import logging
from pathlib import Path

from slack_bolt.logger import get_bolt_app_logger

from bots.slack.app import BOLT_APP_NAME


def test_bolt_app_logger_is_not_a_parent_of_ours(tmp_path: Path) -> None:
    ours = logging.getLogger("pagemagic")
    before = ours.level
    root = logging.getLogger()
    saved = root.level
    root.setLevel(logging.ERROR)
    try:
        get_bolt_app_logger(BOLT_APP_NAME)  # what AsyncApp(name=...) does when it is built
    finally:
        root.setLevel(saved)
    assert ours.level == before
    assert not BOLT_APP_NAME.startswith("pagemagic")
