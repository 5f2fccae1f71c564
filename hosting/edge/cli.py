"""``pagemagic edge config`` and ``pagemagic edge run``."""

from __future__ import annotations

import os

from core.settings import Settings
from hosting.edge.config import EdgeConfig
from hosting.edge.nginx import check, command


def edge_command(name: str, settings: Settings) -> int:
    config = EdgeConfig.from_settings(settings)
    check(config)  # renders nginx.conf and edge.json, then nginx -t
    if name == "config":
        print(config.conf_path)
        return 0
    # run: nginx replaces this process, in the foreground, logging to the terminal's stderr too
    argv = command(config, "-g", "daemon off;")
    print(f"edge on http://{config.host}:{config.port} (nginx {config.conf_path})", flush=True)
    os.execv(argv[0], argv)
    return 0  # not reached
