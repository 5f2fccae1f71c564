"""The built-in offline generator: deterministic sites and edits from pt/en/es descriptions."""

from core.llm.offline.generator import OfflineGenerator

__all__ = ["OfflineGenerator"]
