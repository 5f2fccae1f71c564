"""Scoring one site against what its description stated, and one refinement against what it asked.

Pure functions over ``Site`` values and the corpus records in ``bench/fidelity/`` (JSON lines);
``bench/fidelity.py`` runs generators and prints the tables, the suite
(tests/bench/test_fidelity.py) proves the scoring on scripted model answers.
Nothing here knows which generator wrote the site.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "fidelity"


def fold(text: str) -> str:
    """Lower case without accents, so "Panadería" and "panaderia" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def has_phrase(haystack: str, phrase: str) -> bool:
    """``phrase`` as whole words of folded ``haystack``."""
    return re.search(rf"(?<![\w]){re.escape(fold(phrase))}(?![\w])", fold(haystack)) is not None


def load_jsonl(name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("//"):
            rows.append(json.loads(line))
    return rows


@dataclass(frozen=True)
class Corpus:
    descriptions: list[dict[str, Any]]
    refinements: list[dict[str, Any]]
    kinds: dict[str, dict[str, Any]]
    markers: dict[str, list[str]]
    cities: list[list[str]]
    pt_articles: dict[str, str]


def load_corpus() -> Corpus:
    kinds = json.loads((CORPUS / "kinds.json").read_text(encoding="utf-8"))
    lexicon = json.loads((CORPUS / "markers.json").read_text(encoding="utf-8"))
    return Corpus(
        descriptions=load_jsonl("descriptions.jsonl"),
        refinements=load_jsonl("refinements.jsonl"),
        kinds=kinds,
        markers=lexicon["groups"],
        cities=lexicon["cities"],
        pt_articles=lexicon["pt_articles"],
    )


# -- the words of a site ---------------------------------------------------------------------------

_NOT_TEXT = {"href", "url", "src", "image", "photo", "icon", "kind", "palette", "currency", "country", "logo",
             "images", "mode", "fonts", "radius", "language", "network", "typography", "social_image"}


def site_strings(site: dict[str, Any]) -> list[str]:
    """Every string a visitor can read (or a search engine shows), in document order."""
    found: list[str] = []

    def walk(value: Any, key: str = "") -> None:
        if key in _NOT_TEXT:
            return
        if isinstance(value, str):
            if value.strip():
                found.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)

    walk({k: v for k, v in site.items() if k != "theme"})
    return found


def site_text(site: dict[str, Any]) -> str:
    return "\n".join(site_strings(site))


def priced_items(site: dict[str, Any]) -> list[tuple[str, float | None, str]]:
    """(name, price, currency) of every menu item, service and plan."""
    items: list[tuple[str, float | None, str]] = []
    for section in site.get("sections", []):
        currency = str(section.get("currency", ""))
        if section["kind"] == "menu":
            for category in section["categories"]:
                items += [(i["name"], i.get("price"), currency) for i in category["items"]]
        elif section["kind"] == "services":
            items += [(i["name"], i.get("price"), currency) for i in section["items"]]
        elif section["kind"] == "pricing":
            items += [(i["name"], i.get("price"), currency) for i in section["plans"]]
    return items


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text).lstrip("0")


# -- stated facts ----------------------------------------------------------------------------------


def fact_results(site: dict[str, Any], facts: dict[str, Any]) -> dict[str, bool]:
    """Each stated fact, and whether the site shows it exactly where it belongs."""
    business = site.get("business", {})
    items = priced_items(site)
    socials = business.get("socials", [])
    results: dict[str, bool] = {}
    if "name" in facts:
        results["name"] = facts["name"] in site.get("name", "")
    if "city" in facts:
        results["city"] = fold(business.get("city", "")) == fold(facts["city"])
    currency = facts.get("currency")
    for entry in facts.get("items", []):
        name, price = entry[0], entry[1] if len(entry) > 1 else None
        results[f"item:{name}"] = any(
            has_phrase(item_name, name)
            and (price is None or (item_price is not None and Decimal(str(item_price)) == Decimal(price)))
            and (price is None or currency is None or item_currency == currency)
            for item_name, item_price, item_currency in items
        )
    for person in facts.get("team", []):
        members = [m["name"] for s in site.get("sections", []) if s["kind"] == "team" for m in s["members"]]
        results[f"team:{person}"] = person in members
    if "phone" in facts:
        results["phone"] = bool(_digits(facts["phone"])) and _digits(business.get("phone", "")).endswith(
            _digits(facts["phone"])
        )
    if "whatsapp" in facts:
        results["whatsapp"] = any(
            s["network"] == "whatsapp" and _digits(s["url"]).endswith(_digits(facts["whatsapp"])) for s in socials
        )
    if "email" in facts:
        results["email"] = business.get("email", "").lower() == facts["email"].lower()
    if "address" in facts:
        results["address"] = facts["address"] in business.get("address", "")
    for network in ("instagram", "facebook", "tiktok", "linkedin", "youtube"):
        if network in facts:
            handle = facts[network].lower().lstrip("@")
            results[network] = any(
                s["network"] == network and handle in s["url"].lower().rstrip("/").rsplit("/", 1)[-1]
                for s in socials
            )
    if "booking" in facts:
        results["booking"] = facts["booking"] in json.dumps(site, ensure_ascii=False)
    hours = " ".join(h["hours"] for h in business.get("opening_hours", []))
    # The same time in the site's locale style ("9h", "19h30", "9:00 AM" as written by the renderer).
    times = set()
    for h, m, half in re.findall(r"(\d{1,2})(?:[:h.](\d{2})|h)?\s*(am|pm|AM|PM)?", hours):
        hour = int(h) % 12 + (12 if half.lower() == "pm" else 0) if half else int(h)
        times.add(f"{hour:02d}:{m or '00'}")
    for time in facts.get("hours", []):
        results[f"hours:{time}"] = time in times
    return results


# -- contradictions --------------------------------------------------------------------------------


def contradictions(site: dict[str, Any], record: dict[str, Any], corpus: Corpus) -> list[str]:
    """What the site says that the description rules out: another kind's items or specialty, another city."""
    text = site_text(site)
    facts = record.get("facts", {})
    # The user's own words never count against them: mask every stated value first.
    masked = text
    for value in _stated_strings(facts):
        masked = re.sub(re.escape(value), " ", masked, flags=re.IGNORECASE)
    allowed = set(corpus.kinds[record["kind"]].get("allow", [])) | set(record.get("allow", []))
    found: list[str] = []
    for group, words in corpus.markers.items():
        if group in allowed:
            continue
        for word in words:
            if has_phrase(masked, word):
                found.append(f"{group}: {word}")
    city = facts.get("city", "")
    if city:
        for spellings in corpus.cities:
            if any(fold(s) in fold(city) or fold(city) in fold(s) for s in spellings):
                continue  # the stated city in any language, or a city inside its name ("Porto Alegre")
            found += [f"city: {s}" for s in spellings[:1] if any(has_phrase(masked, x) for x in spellings)]
    return found


def _stated_strings(facts: dict[str, Any]) -> list[str]:
    values = [str(facts[k]) for k in ("name", "address", "email") if k in facts]
    values += [str(entry[0]) for entry in facts.get("items", [])]
    values += list(facts.get("team", []))
    return sorted(values, key=len, reverse=True)


def grammar_errors(site: dict[str, Any], record: dict[str, Any], corpus: Corpus) -> list[str]:
    """Portuguese place names without their article ("em Porto", "de Ericeira"); cut place names."""
    city = record.get("facts", {}).get("city", "")
    errors: list[str] = []
    if not city:
        return errors
    text = site_text(site)
    if record["lang"].startswith("pt") and city in corpus.pt_articles:
        for wrong in ("em", "de"):
            if re.search(rf"\b{wrong} {re.escape(city)}(?!\s+[A-ZÀ-Ý])", text):
                errors.append(f"{wrong} {city}")
    if " " in city:  # "Porto Alegre" must never appear as "de Porto" / "in Porto" alone
        head = city.split(" ")[0]
        for match in re.finditer(rf"\b{re.escape(head)}\b(?!\s+{re.escape(city.split(' ', 1)[1])})", text):
            tail = text[match.end() : match.end() + 1]
            if tail != "-":
                errors.append(f"cut: {head}")
                break
    return errors


def cut_email_domain(site: dict[str, Any], record: dict[str, Any]) -> bool:
    """An invented e-mail domain cut mid-word ("bostonfamilyrunitalianrestaura.com")."""
    if "email" in record.get("facts", {}):
        return False
    email = site.get("business", {}).get("email", "")
    if "@" not in email:
        return False
    label = email.split("@", 1)[1].split(".")[0]
    words = re.findall(r"[a-z]+", fold(site_text({k: site[k] for k in ("name",) if k in site})))
    joined = "".join(words)
    # The domain must be the name's words joined, or whole words of it; a prefix ending mid-word is cut.
    if label.replace("-", "") == joined or not joined.startswith(label.replace("-", "")):
        return False
    prefix = ""
    for word in words:
        prefix += word
        if prefix == label.replace("-", ""):
            return False
    return True


# -- refinements -----------------------------------------------------------------------------------

_DENSITY = {"compact": 0, "cosy": 1, "airy": 2}


def typography(site: dict[str, Any]) -> dict[str, Any]:
    return dict(site.get("theme", {}).get("typography") or {})


def changed_areas(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """Which parts of the site changed: "theme", "name", "business", "section:menu", ..."""
    areas = {key for key in ("theme", "name", "tagline", "language", "seo", "business", "logo", "images")
             if before.get(key) != after.get(key)}
    old = [json.dumps(s, sort_keys=True) for s in before.get("sections", [])]
    new = [json.dumps(s, sort_keys=True) for s in after.get("sections", [])]
    for section in after.get("sections", []):
        if json.dumps(section, sort_keys=True) not in old:
            areas.add(f"section:{section['kind']}")
    for section in before.get("sections", []):
        if json.dumps(section, sort_keys=True) not in new:
            areas.add(f"section:{section['kind']}")
    if [s["kind"] for s in before.get("sections", [])] != [s["kind"] for s in after.get("sections", [])]:
        areas.add("order")
    return areas


def _scope(expect: dict[str, Any]) -> set[str] | None:
    """Areas a request of this type may change; None: anything (a translation rewrites everything)."""
    kind = expect["type"]
    if kind in ("style", "theme"):
        return {"theme"}
    if kind == "items":  # a list of prices may land in the menu, the services or the pricing table
        return {"section:menu", "section:services", "section:pricing", "section:team", "order"}
    if kind == "price":
        return {"section:menu", "section:services", "section:pricing"}
    if kind in ("social", "contact"):
        return {"business", "section:contact", "section:footer", "order"}
    if kind == "text":
        return {"name": {"name", "seo", "section:hero", "section:footer", "section:about", "section:cta"},
                "headline": {"section:hero"}, "tagline": {"tagline"}}[expect["field"]]
    if kind == "section":
        return {f"section:{expect['kind']}", "order", "section:footer"}
    if kind == "refuse":
        return set()
    return None


def expectation_met(before: dict[str, Any], after: dict[str, Any], expect: dict[str, Any]) -> bool:
    kind = expect["type"]
    if kind == "style":
        return _style_met(before, after, expect)
    if kind == "theme":
        if "mode" in expect:
            return after["theme"].get("mode") == expect["mode"] and before["theme"] != after["theme"]
        return after["theme"]["palette"] != before["theme"]["palette"]
    if kind == "items":
        facts = {"items": expect.get("items", []), "currency": expect.get("currency"),
                 "team": expect.get("team", [])}
        results = fact_results(after, facts)
        return bool(results) and all(results.values())
    if kind == "price":
        results = fact_results(after, {"items": [expect["item"]], "currency": expect.get("currency")})
        return all(results.values())
    if kind in ("social", "contact"):
        results = fact_results(after, {expect["field"]: expect["value"]})
        return all(results.values()) and before != after
    if kind == "text":
        value = expect["value"]
        if expect["field"] == "name":
            return after.get("name") == value
        if expect["field"] == "tagline":
            return after.get("tagline") == value
        hero = next((s for s in after["sections"] if s["kind"] == "hero"), {})
        return hero.get("heading") == value
    if kind == "section":
        kinds = [s["kind"] for s in after["sections"]]
        if expect["op"] == "add":
            return expect["kind"] in kinds and expect["kind"] not in [s["kind"] for s in before["sections"]]
        if expect["op"] == "remove":
            return expect["kind"] not in kinds
        return kinds != [s["kind"] for s in before["sections"]] and expect["kind"] in kinds
    if kind == "translate":
        return _translation_met(before, after, expect)
    if kind == "refuse":
        return before == after
    raise ValueError(f"unknown expectation {kind!r}")


def _style_met(before: dict[str, Any], after: dict[str, Any], expect: dict[str, Any]) -> bool:
    old, new = typography(before), typography(after)
    aspect, direction = expect["aspect"], expect.get("direction", "up")
    sign = 1 if direction == "up" else -1
    if aspect == "heading_size":
        section = expect.get("section")
        moved = (new.get("headings", 0) - old.get("headings", 0)) * sign > 0
        if section:
            per_old = {h["section"]: h["step"] for h in old.get("section_headings") or []}.get(section, 0)
            per_new = {h["section"]: h["step"] for h in new.get("section_headings") or []}.get(section, 0)
            moved = moved or (per_new - per_old) * sign > 0
        return moved
    if aspect == "text_size":
        return (new.get("body", 0) - old.get("body", 0)) * sign > 0
    if aspect == "spacing":
        return (_DENSITY.get(new.get("density", "cosy"), 1) - _DENSITY.get(old.get("density", "cosy"), 1)) * sign > 0
    if aspect == "font":
        fonts = after["theme"].get("fonts")
        wanted = expect.get("fonts")
        return fonts != before["theme"].get("fonts") and (not wanted or fonts in wanted)
    raise ValueError(f"unknown style aspect {aspect!r}")


def _people(site: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for section in site.get("sections", []):
        if section["kind"] == "testimonials":
            names += [i["author"] for i in section["items"]]
        elif section["kind"] == "team":
            names += [m["name"] for m in section["members"]]
    return names


def _translation_met(before: dict[str, Any], after: dict[str, Any], expect: dict[str, Any]) -> bool:
    if after.get("language") != expect["to"] or after.get("name") != before.get("name"):
        return False
    people_before, people_after = _people(before), _people(after)
    if sorted(people_before) != sorted(people_after):  # proper names stay, and stay distinct
        return False
    items_before = sorted(name for name, _, _ in priced_items(before) if name in expect.get("keep", []))
    items_after = sorted(name for name, _, _ in priced_items(after) if name in expect.get("keep", []))
    return items_before == items_after


@dataclass
class RefineOutcome:
    id: str
    lang: str
    verdict: str  # "applied", "refused", "false_claim", "refused_ok" (a refusal was the right answer)
    reply: str = ""
    areas: list[str] = field(default_factory=list)


def judge_refinement(
    record: dict[str, Any], before: dict[str, Any], after: dict[str, Any], claimed: bool, reply: str
) -> RefineOutcome:
    """Applied (the asked change, nothing else), honestly refused, or falsely claimed."""
    expect = record["expect"]
    areas = changed_areas(before, after)
    scope = _scope(expect)
    if scope is not None and expect["type"] == "text" and expect["field"] == "name":
        # A rename rewrites every section that said the old name, and only those.
        scope |= {f"section:{s['kind']}" for s in before.get("sections", [])
                  if before.get("name") and before["name"] in json.dumps(s, ensure_ascii=False)}
    in_scope = scope is None or areas <= scope
    if expect["type"] == "refuse":
        verdict = "false_claim" if claimed or areas else "refused_ok"
    elif expectation_met(before, after, expect) and in_scope:
        verdict = "applied"
    elif claimed or areas:
        verdict = "false_claim"
    else:
        verdict = "refused"
    return RefineOutcome(record["id"], record["lang"], verdict, reply, sorted(areas))


# -- variety ---------------------------------------------------------------------------------------


def sentences(site: dict[str, Any]) -> set[str]:
    """The site's sentences of four words or more (headings and labels are shared by design)."""
    found: set[str] = set()
    for section in site.get("sections", []):
        for value in site_strings({"sections": [section]}):
            for sentence in re.split(r"(?<=[.!?])\s+", value):
                if len(sentence.split()) >= 4:
                    found.add(sentence.strip())
    return found


def identical_share(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Sentences the two sites share, over the mean number of sentences they have."""
    sa, sb = sentences(a), sentences(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / ((len(sa) + len(sb)) / 2)


def variety_pairs(records: list[dict[str, Any]], corpus: Corpus) -> list[tuple[str, str]]:
    """Pairs of sites of the same family (restaurants, schools, ...) in the same language."""
    groups: dict[tuple[str, str], list[str]] = {}
    for record in records:
        family = corpus.kinds[record["kind"]]["family"]
        groups.setdefault((family, record["lang"]), []).append(record["id"])
    return [pair for ids in groups.values() for pair in combinations(ids, 2)]
