"""Telegram front door: one adapter (``adapter.py``) and two thin drivers.

``aiogram_driver`` (the default) and ``ptb_driver`` (python-telegram-bot) only
convert library objects into the neutral types of ``port.py`` and back; every
decision about what a message means or how it is shown lives in the adapter.
"""
