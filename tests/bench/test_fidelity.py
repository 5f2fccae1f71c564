"""The fidelity bench's scoring, proved on scripted model answers through the OpenAI stand-in.

The bench (bench/fidelity.py) drives the real ``RemoteGenerator`` over HTTP; here the stand-in
answers with sites written for the test: a faithful one scores every fact, one that drops a
price or serves another cuisine's dish scores exactly that, and a refinement that claims a
change it did not make is a false claim.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from core.llm.remote import RemoteGenerator
from tests.core.llm.openai.conftest import config_for, llm  # noqa: F401  (the stand-in fixture)
from tests.core.llm.openai.documents import refinement_text, site_data
from tests.standins.openai_server import OpenAIStandIn, Stream

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


score = _load("fidelity_score")
bench = _load("fidelity")

RECORD: dict[str, Any] = {
    "id": "thai", "lang": "en", "kind": "thai_restaurant",
    "text": "Thai restaurant in Leeds called Bangkok Corner. Pad thai £9.50, green curry £11.",
    "facts": {"name": "Bangkok Corner", "city": "Leeds", "currency": "GBP",
              "items": [["Pad thai", "9.5"], ["Green curry", "11"]]},
}


def thai_site(dishes: list[tuple[str, float]]) -> dict[str, Any]:
    data = site_data(("hero", "menu", "contact", "footer"))
    data.update(name="Bangkok Corner", language="en", tagline="Thai food in Leeds")
    data["seo"] = {"title": "Bangkok Corner", "description": "Thai food in Leeds."}
    data["business"] = {**data["business"], "city": "Leeds", "country": "GB", "address": "1 Call Lane, Leeds"}
    data["sections"][0] = {"kind": "hero", "heading": "Thai food in Leeds"}
    data["sections"][1] = {"kind": "menu", "heading": "Menu", "currency": "GBP", "categories": [
        {"name": "Mains", "items": [{"name": n, "price": p} for n, p in dishes]}]}
    data["sections"][3] = {"kind": "footer", "text": "© Bangkok Corner"}
    return data


async def created(server: OpenAIStandIn, data: dict[str, Any]) -> Any:
    server.script(Stream(json.dumps(data, ensure_ascii=False)))
    generator = RemoteGenerator(config_for(server))
    try:
        result = await bench.create(generator, RECORD)
    finally:
        await generator.aclose()
    bench.score_created(result, RECORD, score.load_corpus())
    return result


async def test_a_faithful_site_scores_every_fact_and_no_contradiction(llm: OpenAIStandIn) -> None:  # noqa: F811
    result = await created(llm, thai_site([("Pad thai", 9.5), ("Green curry", 11.0)]))
    assert result.site is not None and result.first_section is not None
    assert result.facts == {"name": True, "city": True, "item:Pad thai": True, "item:Green curry": True}
    assert result.contradictions == []


async def test_a_dropped_price_is_a_missing_fact(llm: OpenAIStandIn) -> None:  # noqa: F811
    result = await created(llm, thai_site([("Pad thai", 9.0), ("Green curry", 11.0)]))  # £9.50 rounded
    assert result.facts["item:Pad thai"] is False
    assert result.facts["item:Green curry"] is True


async def test_another_cuisines_dish_is_a_contradiction(llm: OpenAIStandIn) -> None:  # noqa: F811
    result = await created(llm, thai_site([("Pad thai", 9.5), ("Green curry", 11.0), ("Roast cod", 22.0)]))
    assert result.contradictions == ["copy_iberian_dishes: Roast cod"]


async def test_another_city_is_a_contradiction(llm: OpenAIStandIn) -> None:  # noqa: F811
    data = thai_site([("Pad thai", 9.5), ("Green curry", 11.0)])
    data["sections"][0]["heading"] = "The best Thai food in Manchester"
    result = await created(llm, data)
    assert result.contradictions == ["city: Manchester"]


async def test_a_claimed_change_that_is_not_the_one_asked_is_a_false_claim(llm: OpenAIStandIn) -> None:  # noqa: F811
    base = score.load_corpus()
    site = bench.Site.model_validate(thai_site([("Pad thai", 9.5), ("Green curry", 11.0)]))
    hero = copy.deepcopy(thai_site([])["sections"][0]) | {"heading": "bigger"}
    llm.script(Stream(refinement_text("Done: changed the headline", [
        {"op": "replace_section", "index": 0, "section": hero}])))
    generator = RemoteGenerator(config_for(llm))
    request = {"id": "r", "lang": "en", "base": "thai", "text": "make the title bigger",
               "expect": {"type": "style", "aspect": "heading_size", "direction": "up", "section": "hero"}}
    try:
        after, claimed, reply = await bench.refine(generator, site, request)
    finally:
        await generator.aclose()
    outcome = score.judge_refinement(request, site.model_dump(mode="json"), after.model_dump(mode="json"),
                                     claimed, reply)
    assert claimed and outcome.verdict == "false_claim" and outcome.areas == ["section:hero"]
    assert base.refinements  # the corpus the bench runs is loadable


def test_the_corpus_is_as_large_as_the_issue_asks() -> None:
    corpus = score.load_corpus()
    assert len(corpus.descriptions) >= 150 and len(corpus.refinements) >= 120
    assert {r["lang"] for r in corpus.descriptions} == {"pt_BR", "pt_PT", "en", "es"}
    assert len({r["kind"] for r in corpus.descriptions}) >= 30
    assert any(not corpus.kinds[r["kind"]]["copy"] for r in corpus.descriptions)
