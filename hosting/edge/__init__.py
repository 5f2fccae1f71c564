"""The nginx + Lua edge: config rendering (``config``), its pages (``pages``), running nginx (``nginx``).

The Lua code itself lives in ``lua/`` at the top of the repository.
"""
