"""The OpenAI-compatible generator (vLLM or OpenAI), used when ``PAGEMAGIC_LLM_BASE_URL`` is set."""

from core.llm.remote.config import RemoteConfig
from core.llm.remote.generator import RemoteGenerator

__all__ = ["RemoteConfig", "RemoteGenerator"]
