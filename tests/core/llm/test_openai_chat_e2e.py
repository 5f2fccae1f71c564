"""``pagemagic chat`` in a subprocess with PAGEMAGIC_LLM_BASE_URL pointing at the local stand-in."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.bots.console.test_chat_e2e import PAGEMAGIC, URL, Chat, get
from tests.core.llm.openai.documents import FAQ, refinement_text, section_text, site_data, site_text
from tests.standins.openai_server import OpenAIStandIn, Recorded, Reply, Stream

KINDS = ("hero", "about", "menu", "pricing", "contact", "footer")


def answers(recorded: Recorded) -> Reply:
    """Create: a site whose pricing section is broken, then repaired; refine: add a FAQ."""
    if recorded.schema_name == "site":
        data = site_data(KINDS)
        data["sections"][3]["plans"][0]["price"] = "thirty"
        return Stream(site_text(data), delay=0.001)
    if recorded.schema_name == "section":
        return Stream(section_text(site_data(KINDS)["sections"][3]))
    return Stream(refinement_text("Juntei perguntas frequentes.", [{"op": "add_section", "section": FAQ}]))


async def test_the_terminal_chat_on_the_openai_compatible_generator(tmp_path: Path) -> None:
    import asyncio

    async with OpenAIStandIn(vllm_version="0.12.0") as llm:
        llm.responder = answers
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
        env.update(PAGEMAGIC_HOME=str(tmp_path / "home"), PAGEMAGIC_PORT="0", LANG="C.UTF-8",
                   PAGEMAGIC_LLM_BASE_URL=llm.base_url, PAGEMAGIC_LLM_API_KEY="sk-e2e-secret",
                   PAGEMAGIC_LLM_MODEL="pagemagic-test", PAGEMAGIC_LLM_FLAVOR="vllm")
        process = await asyncio.create_subprocess_exec(
            PAGEMAGIC, "chat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT, env=env,
        )
        chat = Chat(process)
        try:
            await chat.read_until(r"Server: http://127\.0\.0\.1:\d+")
            lines = await chat.send("Uma padaria artesanal em Lisboa, com menu e preços", r"versão 1\)")
            sections = [line for line in lines if re.match(r"\s+\d+\. ", line)]
            assert len(sections) == len(KINDS), lines
            assert any("Preços" in line for line in sections)  # repaired, in its place
            page = await get(URL.search(lines[-1]).group(0))  # type: ignore[union-attr]
            assert page.status_code == 200 and "Padaria Estrela" in page.text

            lines = await chat.send("adiciona perguntas frequentes", r"versão 2")
            streamed = [line for line in lines if re.match(r"\s+\d+\. ", line)]
            assert len(streamed) == 1 and "Perguntas" in streamed[0], lines
            assert any("Juntei perguntas frequentes." in line for line in lines)

            lines = await chat.send("/usage", r"tokens")
            used = next(line for line in lines if "tokens" in line)
            total = sum(p + c for p, c in llm.usage_sent)
            assert f"{total:,}".replace(",", "\u00a0") in used, (used, total)  # European Portuguese groups with a space
        finally:
            if process.stdin is not None:
                process.stdin.close()
            await asyncio.wait_for(process.wait(), 20)
        assert "sk-e2e-secret" not in "\n".join(chat.transcript)
        schemas = [r.schema_name for r in llm.chat_requests]
        assert schemas == ["site", "section", "refinement"]
        assert all(r.schema_read("0.12.0") is not None for r in llm.chat_requests)  # today's vLLM reads it
