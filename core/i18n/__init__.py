"""Locales, the one gettext catalog, and formatting of numbers, money, dates and phones by locale.

Everything a user reads is looked up here by key (``say``) in one of four
locales: ``pt_BR``, ``pt_PT``, ``es`` and ``en``. The catalogs are gettext
``.po`` files under ``core/i18n/locale/`` that translators' tools open; their
compiled ``.mo`` files are built by the install step (``make catalogs``).
"""
