"""The OpenAI-compatible site generator: streamed, schema-guided, validated and repaired.

A new site is one streamed JSON document. ``ObjectStreamReader`` hands over the
header and each section as soon as it closes; each is validated at once and
forwarded, so the preview fills in while the model is still writing. A part
that fails validation gets a repair request (its JSON path and the error)
running beside the main stream, up to ``max_repairs`` times; later parts wait
behind it so the page order holds, then a ``PartSkipped`` tells Studio which
part is missing while every valid part stays. A refinement is the same loop
over ``{"summary", "edits"}``; each edit is tried on the site as edited so far.

Whole-answer failures (truncation, a dropped connection, malformed JSON, a
refusal, a timeout) raise ``GenerationFailed`` subclasses: Studio stores nothing.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import AsyncIterator, Callable
from typing import Any, Union

from openai.types.chat import ChatCompletionMessageParam

from core.errors import InvalidSpec
from core.llm.port import GenerationEvent, GenerationRequest, TokensUsed
from core.llm.remote.budget import fit_messages
from core.llm.remote.client import Finished, ModelClient, OutputSchema, Text
from core.llm.remote.config import RemoteConfig
from core.llm.remote.errors import ModelDropped, ModelMalformed, ModelTruncated
from core.llm.remote.jsonstream import Item, MalformedJson, ObjectStreamReader, Prefix
from core.llm.remote.parts import EditsPart, SectionsPart, refine_output, site_output
from core.llm.remote.prompts import PromptBook, prompt_book
from core.observability.metrics import NO_METRICS, Metrics
from core.site.values import Language

Part = Union[SectionsPart, EditsPart]


class RemoteGenerator:
    """``SiteGenerator`` backed by any OpenAI-compatible endpoint (vLLM, OpenAI)."""

    name = "openai"

    def __init__(self, config: RemoteConfig, prompts: PromptBook | None = None) -> None:
        self.config = config
        self.client = ModelClient(config)
        self.prompts = prompts or prompt_book()
        self.metrics: Metrics = NO_METRICS  # the wiring sets the Prometheus one

    async def aclose(self) -> None:
        await self.client.aclose()

    def generate(self, request: GenerationRequest) -> AsyncIterator[GenerationEvent]:
        language: Language = request.language or "en"
        history: list[ChatCompletionMessageParam] = []
        for turn in request.history:
            if turn.role == "user":
                history.append({"role": "user", "content": turn.text})
            else:
                history.append({"role": "assistant", "content": turn.text})
        if request.current is not None:
            ask = self.prompts.refine_text(request.current, request.instruction, language, request.focus_images)
            part: Part = EditsPart(request.current, language)
            output = refine_output()
        else:
            template = self.prompts.pick(request.instruction)
            ask = self.prompts.generate_text(request.instruction, language, template)
            part = SectionsPart()
            output = site_output()
        messages, _ = fit_messages(
            {"role": "system", "content": self.prompts.system_text(language)},
            history,
            {"role": "user", "content": ask},
            self.config.context_tokens,
            reserve_for_answer=min(self.config.max_output_tokens, self.config.context_tokens // 2),
        )
        return self._run(messages, output, part, language)

    async def _run(
        self, messages: list[ChatCompletionMessageParam], output: OutputSchema, part: Part, language: Language
    ) -> AsyncIterator[GenerationEvent]:
        reader = ObjectStreamReader(part.array_key)
        queue: deque[Item] = deque()
        repair: asyncio.Task[list[GenerationEvent]] | None = None
        finished: Finished | None = None
        deferred_header: dict[str, Any] | None = None

        def pump() -> list[GenerationEvent]:
            """Everything that can be emitted now, in order, without waiting."""
            nonlocal repair
            out: list[GenerationEvent] = []
            while True:
                if repair is not None:
                    if not repair.done():
                        break
                    out.extend(repair.result())
                    repair = None
                if not part.gate_open or not queue:
                    break
                item = queue.popleft()
                try:
                    if item.error is not None:
                        raise InvalidSpec(part.path(item), item.error)
                    out.extend(part.check(item, item.value))
                except InvalidSpec as error:
                    repair = asyncio.create_task(self._repair_item(part, item, error, language))
            return out

        try:
            async for event in self.client.chat(messages, output):
                if isinstance(event, Finished):
                    finished = event
                    continue
                ready: list[GenerationEvent] = []
                try:
                    pieces = reader.feed(event.text)
                except MalformedJson as exc:
                    raise ModelMalformed(str(exc)) from exc
                for piece in pieces:
                    if isinstance(piece, Prefix):
                        if isinstance(part, EditsPart):
                            ready.extend(part.summary(piece.fields))
                        else:
                            try:
                                ready.extend(part.header(piece.fields))
                            except InvalidSpec:
                                deferred_header = piece.fields  # it may be completed after the array
                    else:
                        queue.append(piece)
                ready.extend(pump())
                for ready_event in ready:
                    yield ready_event
            if finished is None:
                raise ModelDropped("the stream ended without a finish reason")
            usage = TokensUsed(finished.prompt_tokens, finished.completion_tokens)
            if finished.reason == "length":
                yield usage  # spent even though the answer is unusable
                raise ModelTruncated(f"finish_reason length after {finished.completion_tokens} tokens")
            try:
                document = reader.document()
            except MalformedJson as exc:
                malformed = ModelMalformed(str(exc))
                malformed.__cause__ = exc
                document = None
            if document is None:
                yield usage
                raise malformed
            rest = {k: v for k, v in document.items() if k != part.array_key}
            if isinstance(part, EditsPart):
                for ready_event in part.summary(rest):
                    yield ready_event
                if part.array_key not in document:
                    raise ModelMalformed("the answer has no edits list")
            elif not part.header_ready:
                if part.array_key not in document:
                    raise ModelMalformed("the answer has no sections")
                del deferred_header  # the whole document's fields supersede the early prefix
                async for ready_event in self._settle_header(part, rest, language):
                    yield ready_event
            while queue or repair is not None:
                if repair is not None:
                    await asyncio.wait({repair})
                for ready_event in pump():
                    yield ready_event
            yield usage
        finally:
            if repair is not None and not repair.done():
                repair.cancel()
                await asyncio.gather(repair, return_exceptions=True)

    async def _settle_header(
        self, part: SectionsPart, fields: dict[str, Any], language: Language
    ) -> AsyncIterator[GenerationEvent]:
        try:
            events = part.header(fields)
        except InvalidSpec as error:
            events = await self._repair(
                "the site's header (name, language, tagline, theme, seo, business)",
                error,
                json.dumps(fields, ensure_ascii=False),
                part.header_output,
                part.header,
                language,
                give_up=None,
            )
        for event in events:
            yield event

    async def _repair_item(self, part: Part, item: Item, error: InvalidSpec, language: Language) -> list[GenerationEvent]:
        fragment = item.value if isinstance(item.value, str) else json.dumps(item.value, ensure_ascii=False)

        def check(value: Any) -> list[GenerationEvent]:
            return part.check(item, part.from_repair(value))

        def give_up(last: InvalidSpec) -> list[GenerationEvent]:
            return [part.skipped(item, item.value, last)]

        where = f"{part.describe(item.value)} number {item.index + 1}"
        return await self._repair(where, error, fragment, part.repair_output, check, language, give_up)

    async def _repair(
        self,
        where: str,
        error: InvalidSpec,
        fragment: str,
        output: OutputSchema,
        check: Callable[[Any], list[GenerationEvent]],
        language: Language,
        give_up: Callable[[InvalidSpec], list[GenerationEvent]] | None,
    ) -> list[GenerationEvent]:
        """Ask again with the path and the error, up to ``max_repairs`` times."""
        events: list[GenerationEvent] = []
        for _ in range(self.config.max_repairs):
            messages: list[ChatCompletionMessageParam] = [
                {"role": "system", "content": self.prompts.system_text(language)},
                {
                    "role": "user",
                    "content": self.prompts.repair_text(where, error.path, error.message, fragment[:6000], language),
                },
            ]
            text, finished = await self._complete(messages, output)
            events.append(TokensUsed(finished.prompt_tokens, finished.completion_tokens))
            fragment = text
            value = _first_object(text)
            if value is None:
                error = InvalidSpec(error.path, "the answer was not a JSON object")
                continue
            try:
                repaired = events + check(value)
            except InvalidSpec as again:
                error = again
            else:
                self.metrics.section_repaired(self.config.model, "repaired")
                return repaired
        self.metrics.section_repaired(self.config.model, "gave_up")
        if give_up is None:
            raise error
        return events + give_up(error)

    async def _complete(self, messages: list[ChatCompletionMessageParam], output: OutputSchema) -> tuple[str, Finished]:
        parts: list[str] = []
        finished: Finished | None = None
        async for event in self.client.chat(messages, output):
            if isinstance(event, Text):
                parts.append(event.text)
            else:
                finished = event
        assert finished is not None  # ``chat`` always ends with one or raises
        return "".join(parts), finished


def _first_object(text: str) -> Any:
    start = text.find("{")
    if start < 0:
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(text, start)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) else None
