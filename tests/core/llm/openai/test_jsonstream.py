"""The incremental JSON reader: pieces come out as soon as they close, whatever the chunking."""

from __future__ import annotations

import json
import random

import pytest

from core.llm.remote.jsonstream import Item, MalformedJson, ObjectStreamReader, Prefix
from tests.core.llm.openai.documents import site_data, site_text

TRICKY = {
    "name": 'Café "Chave {de} [Ouro]", \\ lda',
    "note": "braces } ] { [ and commas , : inside strings",
    "sections": [
        {"kind": "hero", "heading": "Olá \"mundo\" {x}", "u": "\u00e9\u2014\U0001f600"},
        {"kind": "about", "paragraphs": ["a\\", "b\\\\\"c", "}]"]},
        {"kind": "faq", "items": [{"question": "{[?]}", "answer": "\n\t"}]},
    ],
    "after": {"sections": [1, 2]},
}


def read(text: str, chunks: list[int] | None = None, key: str = "sections") -> tuple[list[object], ObjectStreamReader]:
    reader = ObjectStreamReader(key)
    pieces: list[object] = []
    if chunks is None:
        chunks = [1] * len(text)
    pos = 0
    for size in chunks:
        pieces.extend(reader.feed(text[pos : pos + size]))
        pos += size
    pieces.extend(reader.feed(text[pos:]))
    return pieces, reader


@pytest.mark.parametrize("ascii_only", [True, False])
@pytest.mark.parametrize("indent", [None, 2])
def test_character_by_character_equals_whole_document(ascii_only: bool, indent: int | None) -> None:
    text = json.dumps(TRICKY, ensure_ascii=ascii_only, indent=indent)  # \\u escapes when ascii_only
    pieces, reader = read(text)
    assert pieces[0] == Prefix({"name": TRICKY["name"], "note": TRICKY["note"]})
    items = [p for p in pieces if isinstance(p, Item)]
    assert [i.value for i in items] == TRICKY["sections"]
    assert [i.index for i in items] == [0, 1, 2]
    assert reader.document() == TRICKY  # the nested "sections" key in "after" is not the array


def test_random_chunking_gives_the_same_pieces() -> None:
    text = json.dumps(TRICKY, ensure_ascii=True)
    expected, _ = read(text, [len(text)])
    rng = random.Random(7)
    for _ in range(200):
        sizes = [rng.randint(1, 9) for _ in range(len(text))]
        pieces, reader = read(text, sizes)
        assert pieces == expected
        assert reader.complete


def test_each_section_is_handed_over_the_moment_it_closes() -> None:
    text = site_text(indent=1)
    reader = ObjectStreamReader("sections")
    seen_at: list[int] = []
    for pos, char in enumerate(text):
        for piece in reader.feed(char):
            if isinstance(piece, Item):
                seen_at.append(pos)
    # every section is handed over at its own closing brace, before the document closes
    assert all(text[pos] == "}" for pos in seen_at)
    assert len(seen_at) == len(site_data()["sections"])
    assert seen_at[-1] < text.rindex("}")


def test_a_backslash_split_across_chunks_is_not_lost() -> None:
    text = '{"a": "x\\"}", "sections": [{"q": "\\\\"}, {"q": "\\u00e9\\""}]}'
    for cut in range(1, len(text)):
        pieces, reader = read(text, [cut, len(text)])
        assert [p.value for p in pieces if isinstance(p, Item)] == [{"q": "\\"}, {"q": 'é"'}]
        assert reader.document()["a"] == 'x"}'


def test_text_around_the_object_is_ignored() -> None:
    text = "Here you go:\n```json\n" + json.dumps({"sections": [{"kind": "hero"}]}) + "\n```\n"
    pieces, reader = read(text)
    assert pieces == [Prefix({}), Item(0, {"kind": "hero"})]
    assert reader.document() == {"sections": [{"kind": "hero"}]}


def test_an_item_that_is_not_json_is_reported_with_its_text() -> None:
    text = '{"sections": [{"kind": "hero", "heading": tru}, {"kind": "about"}]}'
    pieces, _ = read(text, [len(text)])
    bad, good = (p for p in pieces if isinstance(p, Item))
    assert bad.error is not None and "not valid JSON" in bad.error and bad.value.startswith('{"kind": "hero"')
    assert good == Item(1, {"kind": "about"})


def test_unbalanced_and_incomplete_documents_are_malformed() -> None:
    reader = ObjectStreamReader("sections")
    with pytest.raises(MalformedJson):
        reader.feed('{"sections": [{"a": 1]]')
    reader = ObjectStreamReader("sections")
    reader.feed('{"name": "x", "sections": [{"a": 1}')
    with pytest.raises(MalformedJson, match="ended before"):
        reader.document()
    with pytest.raises(MalformedJson, match="no JSON object"):
        ObjectStreamReader("sections").document()
