"""The ``pagemagic`` command line: generate, render (also hostile files), schema."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import html5lib
from jsonschema import Draft202012Validator

from core.site.schema import load_site_json

PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PAGEMAGIC, *args], capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, **(env or {})})  # fmt: skip


def test_generate_writes_site_spec_and_react_export(tmp_path: Path) -> None:
    result = run("generate", "Una peluquería en Madrid con precios", "--out", str(tmp_path), "--react")
    assert result.returncode == 0, result.stderr
    site = load_site_json((tmp_path / "site.json").read_bytes())
    assert site.language == "es"
    doc = html5lib.parse((tmp_path / "index.html").read_text(), namespaceHTMLElements=False)
    assert doc.get("lang") == "es"
    for name in ["manifest.webmanifest", "sw.js", "pwa.js", "favicon.svg", "robots.txt"]:
        assert (tmp_path / name).exists(), name
    react = tmp_path / "react"
    assert json.loads((react / "package.json").read_text())["dependencies"]["react"]
    assert (react / "src" / "App.tsx").exists() and list((react / "src" / "sections").glob("*.tsx"))


def test_render_round_trips_a_generated_spec(tmp_path: Path) -> None:
    assert run("generate", "a software product for invoices", "--out", str(tmp_path / "a")).returncode == 0
    result = run("render", str(tmp_path / "a" / "site.json"), "--out", str(tmp_path / "b"), "--base-url",
                 "https://example.com/")
    assert result.returncode == 0, result.stderr
    assert load_site_json((tmp_path / "b" / "site.json").read_bytes()) == load_site_json(
        (tmp_path / "a" / "site.json").read_bytes()
    )
    doc = html5lib.parse((tmp_path / "b" / "index.html").read_text(), namespaceHTMLElements=False)
    canonical = [link.get("href") for link in doc.iter("link") if link.get("rel") == "canonical"]
    assert canonical == ["https://example.com/"]
    assert b"https://example.com/" in (tmp_path / "b" / "sitemap.xml").read_bytes()


def test_render_refuses_hostile_and_broken_specs(tmp_path: Path) -> None:
    assert run("generate", "a bakery", "--out", str(tmp_path / "ok")).returncode == 0
    spec = json.loads((tmp_path / "ok" / "site.json").read_text())
    spec["sections"][0]["primary_action"] = {"label": "x", "href": "javascript:alert(1)"}
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(spec))
    result = run("render", str(hostile), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "$.sections[0].primary_action.href" in result.stderr
    assert not (tmp_path / "out").exists()

    for content in ["{not json", "[]", '{"name": "' + "x" * 100 + '"}']:
        broken = tmp_path / "broken.json"
        broken.write_text(content)
        result = run("render", str(broken), "--out", str(tmp_path / "out"))
        assert result.returncode == 2 and "invalid spec" in result.stderr
    missing = run("render", str(tmp_path / "nope.json"), "--out", str(tmp_path / "out"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_schema_prints_a_valid_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    Draft202012Validator.check_schema(json.loads(result.stdout))
    edits = json.loads(run("schema", "--edits").stdout)
    Draft202012Validator.check_schema(edits)


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_generate_counts_every_file_it_writes(tmp_path: Path) -> None:
    """It said "wrote 7 files" with 8 files (site.json was not counted) and react/ on disk."""
    out = tmp_path / "site"
    result = run("generate", "a bakery in Lisbon", "--out", str(out), "--react", "--base-url", "https://example.com/")
    assert result.returncode == 0, result.stderr
    site_files = [p for p in _files_under(out) if "react" not in p.relative_to(out).parts]
    react_files = _files_under(out / "react")
    assert (out / "site.json") in site_files and (out / "sitemap.xml") in site_files
    assert react_files
    assert result.stdout.strip() == (
        f"wrote {len(site_files)} files to {out} and a React export of {len(react_files)} files to {out / 'react'}"
    )


def test_render_without_react_counts_the_spec_too(tmp_path: Path) -> None:
    assert run("generate", "a gym in Porto", "--out", str(tmp_path / "a")).returncode == 0
    result = run("render", str(tmp_path / "a" / "site.json"), "--out", str(tmp_path / "b"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {len(_files_under(tmp_path / 'b'))} files to {tmp_path / 'b'}"


def test_the_worker_without_redis_is_a_configuration_error(tmp_path: Path) -> None:
    """It said ``pagemagic: internal: ...``: a setting is missing, nothing broke inside."""
    result = subprocess.run(
        [PAGEMAGIC, "worker"], capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stderr.startswith("pagemagic: configuration: "), result.stderr
    assert "PAGEMAGIC_REDIS_URL" in result.stderr
    assert "internal" not in result.stderr and "Traceback" not in result.stderr


def test_an_invalid_setting_is_a_configuration_error_without_its_value(tmp_path: Path) -> None:
    """A value that does not parse names the variable and the rule, never a traceback or the value."""
    env = {**os.environ, "PAGEMAGIC_PORT": "not-a-port", "PAGEMAGIC_LLM_API_KEY": "sk-secret", "PAGEMAGIC_LLM_TIMEOUT": "sk-secret"}
    result = subprocess.run(
        [PAGEMAGIC, "worker"], capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path, env=env
    )
    assert result.returncode == 1
    assert result.stderr.startswith("pagemagic: configuration: "), result.stderr
    assert "PAGEMAGIC_PORT" in result.stderr and "PAGEMAGIC_LLM_TIMEOUT" in result.stderr
    assert "not-a-port" not in result.stderr and "sk-secret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_render_writes_the_photos_a_spec_shows_from_the_image_store(tmp_path: Path) -> None:
    """A spec with photos renders with their files (from PAGEMAGIC_IMAGES_DIR), in the site and in
    the React export's public/; one missing from the store is named, and the rest still render."""
    from core.images.local import LocalImageStore
    from core.site.edits import AddImage, PlaceImage, apply_edits
    from core.site.images import ImageAsset
    from pipeline.images import process
    from tests import photos
    from tests.pipeline.conftest import make_site

    store = tmp_path / "images"
    shown, lost = process(photos.camera_jpeg((960, 720), seed=41)), process(photos.camera_jpeg((960, 720), seed=42))
    asyncio.run(LocalImageStore(store).put(shown.hash, shown.files))
    edits: list[AddImage | PlaceImage] = []
    for image, target in ((shown, "cover"), (lost, "gallery")):
        asset = ImageAsset(hash=image.hash, width=image.width, height=image.height, alt="Pão",
                           placeholder=list(image.placeholder))  # fmt: skip
        edits += [AddImage(image=asset), PlaceImage(hash=image.hash, target=target)]  # type: ignore[arg-type]
    site, _ = apply_edits(make_site(), edits)  # type: ignore[arg-type]
    (tmp_path / "site.json").write_text(site.model_dump_json())
    result = run("render", str(tmp_path / "site.json"), "--out", str(tmp_path / "out"), "--react",
                 env={"PAGEMAGIC_IMAGES_DIR": str(store)})  # fmt: skip
    assert result.returncode == 0, result.stderr
    cover = f"img/{shown.hash[:16]}-960.avif"
    assert (tmp_path / "out" / cover).read_bytes() == shown.files["960.avif"]
    assert (tmp_path / "out" / "react" / "public" / cover).read_bytes() == shown.files["960.avif"]
    assert f"6 image file(s) the page links are not in {store}" in result.stderr and lost.hash[:16] in result.stderr


def test_render_names_the_path_and_the_limit_without_echoing_the_spec(tmp_path: Path) -> None:
    """Regression: an invalid 40-section spec printed the whole sections array in its error."""
    assert run("generate", "a bakery", "--out", str(tmp_path / "ok")).returncode == 0
    spec = json.loads((tmp_path / "ok" / "site.json").read_text())
    marker = "Sourdough-marker-text"
    section = {"kind": "faq", "heading": marker, "items": [{"question": marker, "answer": marker}]}
    cases = {
        "sections": ({**spec, "sections": [section] * 40}, "$.sections", "20"),
        "heading": ({**spec, "sections": [{**section, "heading": marker * 20}]}, "$.sections[0].heading", "120"),
        "items": ({**spec, "sections": [{**section, "items": section["items"] * 17}]}, "$.sections[0].items", "16"),
        "budget": ({**spec, "sections": [{**section, "items": [{"question": marker, "answer": marker * 30}] * 16}] * 3},
                   "$.sections[2]", "40 KB"),
    }
    for name, (data, path, limit) in cases.items():
        broken = tmp_path / f"{name}.json"
        broken.write_text(json.dumps(data))
        result = run("render", str(broken), "--out", str(tmp_path / "out"))
        assert result.returncode == 2, name
        assert f"invalid spec at {path}:" in result.stderr and limit in result.stderr, result.stderr
        assert marker not in result.stderr and len(result.stderr) < 300, result.stderr
