"""Fidelity: does the site say what the user said, and does the bot only claim what it did?

Usage: .venv/bin/python bench/fidelity.py [--out bench/out/fidelity.md] [--json FILE] [--only ID ...]

Runs every description of bench/fidelity/descriptions.jsonl through the generator and every
request of bench/fidelity/refinements.jsonl against the site of its base description, then
scores (bench/fidelity_score.py):

- stated facts present exactly (name, city, items with their exact price and currency, team,
  phone, WhatsApp, e-mail, address, socials, booking link, hours), where they belong;
- contradictions: items or specialty words of another kind (bench/fidelity/markers.json), another
  city; place-name grammar ("em Porto") and e-mail domains cut mid-word are counted apart;
- refinements: applied (the asked change and nothing else), honestly refused, falsely claimed
  (a change other than the one asked, or "Done" with none);
- variety: share of identical sentences between same-family sites in the same language.

The offline generator is used unless PAGEMAGIC_LLM_BASE_URL is set (then any OpenAI-compatible
endpoint, with PAGEMAGIC_LLM_MODEL, PAGEMAGIC_LLM_FLAVOR, ...): the same corpus, plus
schema-validity, repairs and time to first section. Prints a markdown table per language and
overall; exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fidelity_score import (  # noqa: E402
    Corpus,
    RefineOutcome,
    contradictions,
    cut_email_domain,
    fact_results,
    grammar_errors,
    identical_share,
    judge_refinement,
    load_corpus,
    variety_pairs,
)

from core.errors import PageMagicError  # noqa: E402
from core.llm.port import (  # noqa: E402
    CannotHelp,
    EditGenerated,
    GenerationRequest,
    HeaderGenerated,
    PartSkipped,
    SectionGenerated,
    SiteGenerator,
    Summary,
)
from core.messages import say  # noqa: E402
from core.site.edits import apply_edits  # noqa: E402
from core.site.site import Site, SiteHeader  # noqa: E402

TARGETS = {"contradictions": 0, "facts": 0.98, "false_claims": 0, "applied": 0.85, "identical": 0.20}


@dataclass
class Created:
    id: str
    lang: str
    site: Site | None
    seconds: float
    first_section: float | None
    skipped: int = 0
    error: str = ""
    facts: dict[str, bool] = field(default_factory=dict)
    contradictions: list[str] = field(default_factory=list)
    grammar: list[str] = field(default_factory=list)
    cut_email: bool = False


class RepairCount:
    """A ``Metrics`` that only counts repair requests (the remote generator reports them here)."""

    def __init__(self) -> None:
        self.repairs = 0

    def section_repaired(self, model: str, outcome: str) -> None:
        self.repairs += 1

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


async def create(generator: SiteGenerator, record: dict[str, Any]) -> Created:
    started = time.perf_counter()
    first: float | None = None
    header: SiteHeader | None = None
    sections = []
    skipped = 0
    try:
        async for event in generator.generate(GenerationRequest(instruction=record["text"], language=record["lang"])):
            if isinstance(event, HeaderGenerated):
                header = event.header
            elif isinstance(event, SectionGenerated):
                first = first if first is not None else time.perf_counter() - started
                sections.append(event.section)
            elif isinstance(event, PartSkipped):
                skipped += 1
        if header is None or not sections:
            raise ValueError("no site")
        site: Site | None = Site.assemble(header, sections)
        error = ""
    except (PageMagicError, ValueError) as exc:
        site, error = None, f"{type(exc).__name__}: {exc}"
    return Created(record["id"], record["lang"], site, time.perf_counter() - started, first, skipped, error)


def _done_prefix(language: str) -> str:
    return say(language, "offline_done", notes="\x00").split("\x00")[0]  # type: ignore[arg-type]


async def refine(generator: SiteGenerator, site: Site, record: dict[str, Any]) -> tuple[Site, bool, str]:
    """The site after the request, whether the bot claimed a change, and what it said."""
    request = GenerationRequest(instruction=record["text"], current=site, language=record["lang"])
    after = site
    edits = 0
    reply = ""
    refused = False
    try:
        async for event in generator.generate(request):
            if isinstance(event, EditGenerated):
                try:
                    after, _ = apply_edits(after, [event.edit])
                    edits += 1
                except PageMagicError:  # Studio stores nothing and says it failed: not a claim
                    return site, False, "invalid edit"
            elif isinstance(event, Summary):
                reply = event.text
            elif isinstance(event, CannotHelp):
                reply, refused = event.message, True
    except PageMagicError as exc:
        return site, False, f"{type(exc).__name__}"
    if refused:
        return site, False, reply
    # Studio answers a refinement that changed nothing with the generator's summary: "Done: ..." is a claim.
    claimed = after != site or (bool(reply) and reply.startswith(_done_prefix(record["lang"])))
    return after, claimed, reply


def score_created(created: Created, record: dict[str, Any], corpus: Corpus) -> None:
    if created.site is None:
        created.facts = {key: False for key in fact_results({}, record.get("facts", {}))}
        return
    data = created.site.model_dump(mode="json")
    created.facts = fact_results(data, record.get("facts", {}))
    created.contradictions = contradictions(data, record, corpus)
    created.grammar = grammar_errors(data, record, corpus)
    created.cut_email = cut_email_domain(data, record)


@dataclass
class Report:
    created: list[Created]
    refined: list[RefineOutcome]
    variety: list[tuple[str, str, str, float]]  # lang, id, id, share
    repairs: int = 0
    remote: bool = False


async def run(generator: SiteGenerator, corpus: Corpus, only: set[str] | None = None) -> Report:
    records = [r for r in corpus.descriptions if not only or r["id"] in only]
    created: dict[str, Created] = {}
    for record in records:
        result = await create(generator, record)
        score_created(result, record, corpus)
        created[record["id"]] = result
    by_id = {r["id"]: r for r in corpus.descriptions}
    refined: list[RefineOutcome] = []
    for record in corpus.refinements:
        if only and record["id"] not in only and record["base"] not in only:
            continue
        base = created.get(record["base"])
        if base is None:
            base = await create(generator, by_id[record["base"]])
            created[record["base"]] = base
        if base.site is None:
            refined.append(RefineOutcome(record["id"], record["lang"], "refused", "no base site"))
            continue
        after, claimed, reply = await refine(generator, base.site, record)
        refined.append(
            judge_refinement(record, base.site.model_dump(mode="json"), after.model_dump(mode="json"), claimed, reply)
        )
    variety = []
    for a, b in variety_pairs(records, corpus):
        sa, sb = created[a].site, created[b].site
        if sa is not None and sb is not None:
            share = identical_share(sa.model_dump(mode="json"), sb.model_dump(mode="json"))
            variety.append((created[a].lang, a, b, share))
    return Report(list(created.values()), refined, variety)


# -- the table -------------------------------------------------------------------------------------

LANGS = ("pt_BR", "pt_PT", "en", "es")


def rows(report: Report) -> list[dict[str, Any]]:
    out = []
    for lang in (*LANGS, "all"):
        created = [c for c in report.created if lang == "all" or c.lang == lang]
        refined = [r for r in report.refined if lang == "all" or r.lang == lang]
        pairs = [v[3] for v in report.variety if lang == "all" or v[0] == lang]
        facts = [ok for c in created for ok in c.facts.values()]
        asked = [r for r in refined if r.verdict != "refused_ok"]
        row: dict[str, Any] = {
            "lang": lang,
            "sites": len(created),
            "facts": sum(facts) / len(facts) if facts else 1.0,
            "contradictions": sum(len(c.contradictions) for c in created),
            "grammar": sum(len(c.grammar) + int(c.cut_email) for c in created),
            "requests": len(refined),
            "applied": sum(r.verdict == "applied" for r in asked) / len(asked) if asked else 1.0,
            "refused": sum(r.verdict in ("refused", "refused_ok") for r in refined),
            "false_claims": sum(r.verdict == "false_claim" for r in refined),
            "identical": statistics.mean(pairs) if pairs else 0.0,
        }
        if report.remote:
            firsts = [c.first_section for c in created if c.first_section is not None]
            row["valid"] = sum(c.site is not None and not c.skipped for c in created) / max(1, len(created))
            row["first_section_s"] = statistics.median(firsts) if firsts else None
        out.append(row)
    return out


def table(report: Report) -> str:
    header = "| language | sites | facts present | contradictions | place/e-mail errors | requests | applied | refused | false claims | identical sentences |"
    sep = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    if report.remote:
        header += " schema-valid | first section (median s) |"
        sep += "---:|---:|"
    lines = [header, sep]
    for row in rows(report):
        line = (
            f"| {row['lang']} | {row['sites']} | {row['facts']:.1%} | {row['contradictions']} | {row['grammar']} | "
            f"{row['requests']} | {row['applied']:.1%} | {row['refused']} | {row['false_claims']} | {row['identical']:.1%} |"
        )
        if report.remote:
            first = row["first_section_s"]
            line += f" {row['valid']:.1%} | {'—' if first is None else f'{first:.2f}'} |"
        lines.append(line)
    if report.remote:
        lines.append(f"\nRepair requests: {report.repairs}")
    return "\n".join(lines)


def details(report: Report) -> str:
    lines = ["", "Missing facts:"]
    for c in report.created:
        missing = [k for k, ok in c.facts.items() if not ok]
        if missing or c.error:
            lines.append(f"- {c.id}: {', '.join(missing)} {c.error}".rstrip())
    lines.append("\nContradictions and place/e-mail errors:")
    for c in report.created:
        if c.contradictions or c.grammar or c.cut_email:
            found = c.contradictions + c.grammar + (["e-mail domain cut"] if c.cut_email else [])
            lines.append(f"- {c.id}: {'; '.join(found)}")
    lines.append("\nRefinements not applied:")
    for r in report.refined:
        if r.verdict not in ("applied", "refused_ok"):
            lines.append(f"- {r.id} [{r.verdict}] changed {r.areas}: {r.reply[:140]!r}")
    worst = sorted(report.variety, key=lambda v: -v[3])[:10]
    lines.append("\nMost alike pairs:")
    lines += [f"- {a} / {b}: {share:.0%}" for _, a, b, share in worst]
    return "\n".join(lines)


def missed(report: Report) -> list[str]:
    overall = rows(report)[-1]
    out = []
    if overall["contradictions"] > TARGETS["contradictions"]:
        out.append("contradictions")
    if overall["facts"] < TARGETS["facts"]:
        out.append("facts")
    if overall["false_claims"] > TARGETS["false_claims"]:
        out.append("false claims")
    if overall["applied"] < TARGETS["applied"]:
        out.append("applied")
    if overall["identical"] > TARGETS["identical"]:
        out.append("identical sentences")
    return out


def generator_from_environment() -> tuple[SiteGenerator, RepairCount | None]:
    from core.settings import Settings

    settings = Settings()
    if settings.llm_base_url is None:
        from core.llm.offline import OfflineGenerator

        return OfflineGenerator(), None
    from core.llm.remote import RemoteConfig, RemoteGenerator

    remote = RemoteGenerator(RemoteConfig.from_settings(settings))
    counter = RepairCount()
    remote.metrics = counter  # type: ignore[assignment]
    return remote, counter


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write the table and details as markdown here")
    parser.add_argument("--json", type=Path, help="write every result as JSON here")
    parser.add_argument("--only", nargs="*", help="ids of descriptions or requests")
    parser.add_argument("--details", action="store_true", help="print what was missed, one line each")
    args = parser.parse_args()
    corpus = load_corpus()
    generator, counter = generator_from_environment()
    report = await run(generator, corpus, set(args.only) if args.only else None)
    if counter is not None:
        report.remote, report.repairs = True, counter.repairs
        await generator.aclose()  # type: ignore[attr-defined]
    text = table(report)
    print(text)
    if args.details:
        print(details(report))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(f"Generator: {generator.name}\n\n{text}\n{details(report)}\n", encoding="utf-8")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"rows": rows(report), "created": [{**c.__dict__, "site": None} for c in report.created],
                 "refined": [r.__dict__ for r in report.refined]},
                ensure_ascii=False, indent=1, default=str,
            ),
            encoding="utf-8",
        )
    failed = missed(report)
    if failed:
        print(f"\nTargets missed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
