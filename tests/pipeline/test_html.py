"""The serializer: escaping and the markup it refuses to emit."""

from __future__ import annotations

import json

import pytest

from pipeline.ast import h
from pipeline.html import UnsafeMarkup, to_html


def test_text_and_attributes_are_escaped() -> None:
    node = h("p", {"title": '"><b x="1'}, "<script>alert(1)</script> & co")
    assert (
        to_html(node)
        == '<p title="&quot;&gt;&lt;b x=&quot;1">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>'
    )


def test_void_elements_have_no_end_tag_and_booleans_no_value() -> None:
    assert to_html(h("img", {"src": "a.png", "alt": ""})) == '<img src="a.png" alt="">'
    assert to_html(h("details", {"open": True, "hidden": False}, "x")) == "<details open>x</details>"


def test_falsy_children_are_dropped_and_lists_flattened() -> None:
    assert (
        to_html(h("ul", None, [h("li", None, "a"), None, "", [h("li", None, "b")]]))
        == "<ul><li>a</li><li>b</li></ul>"
    )


@pytest.mark.parametrize("name", ["onclick", "ONERROR", "onload", 'x"y', "a b"])
def test_event_handler_and_malformed_attributes_are_refused(name: str) -> None:
    with pytest.raises(UnsafeMarkup):
        to_html(h("a", {name: "alert(1)"}))


def test_inline_executable_script_is_refused() -> None:
    with pytest.raises(UnsafeMarkup):
        to_html(h("script", None, "alert(1)"))
    with pytest.raises(UnsafeMarkup):
        to_html(h("script", {"type": "module"}, "alert(1)"))
    with pytest.raises(UnsafeMarkup):
        to_html(h("script", {"src": "a.js"}, "alert(1)"))


def test_external_script_is_allowed() -> None:
    assert to_html(h("script", {"src": "pwa.js", "defer": True})) == '<script src="pwa.js" defer></script>'


def test_json_block_cannot_close_its_element() -> None:
    payload = json.dumps({"name": "</script><script>alert(1)</script> & <!--"})
    markup = to_html(h("script", {"type": "application/ld+json"}, payload))
    inner = markup.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == json.loads(payload)


def test_style_content_may_not_contain_markup() -> None:
    with pytest.raises(UnsafeMarkup):
        to_html(h("style", None, "</style><script>"))
