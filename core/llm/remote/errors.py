"""How a model request can fail, as ``GenerationFailed`` subclasses with their own messages.

Each ``code`` selects a message in ``core.messages`` (``error_model_*``) that
says, in the user's language, what happened and that the site is unchanged.
``detail`` is for logs: a status code or the SDK's exception name, never a
response body or a key.
"""

from __future__ import annotations

from core.errors import GenerationFailed


class ModelUnavailable(GenerationFailed):
    """Connection refused or 5xx answers, after every retry."""

    code = "model_unavailable"


class ModelBusy(GenerationFailed):
    """429 after every retry, or a ``Retry-After`` longer than we are willing to wait."""

    code = "model_busy"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail, retry_after=retry_after)
        self.retry_after = retry_after


class ModelRejected(GenerationFailed):
    """A 4xx other than 429: wrong key, unknown model, a prompt over the context."""

    code = "model_rejected"


class ModelTimeout(GenerationFailed):
    code = "model_timeout"


class ModelDropped(GenerationFailed):
    """The connection closed mid-answer."""

    code = "model_dropped"


class ModelTruncated(GenerationFailed):
    """``finish_reason`` was ``length``: the answer hit the output limit."""

    code = "model_truncated"


class ModelMalformed(GenerationFailed):
    """The answer is not the JSON document that was asked for."""

    code = "model_malformed"


class ModelRefused(GenerationFailed):
    """The model declined (an OpenAI ``refusal`` or a ``content_filter`` finish)."""

    code = "model_refused"
