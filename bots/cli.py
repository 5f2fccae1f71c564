"""The ``pagemagic`` command line."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

from pydantic import ValidationError

from core.errors import ConfigurationError, InvalidSpec, PageMagicError
from core.secret_files import SettingsFileError
from core.settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pagemagic", description="Turn a chat into a live website.")
    sub = parser.add_subparsers(dest="command", required=True)

    chat = sub.add_parser("chat", help="talk to Page Magic in the terminal (the embedded setup)")
    chat.add_argument("--port", type=int, help="port of the preview/site server (default PAGEMAGIC_PORT or 8400)")
    chat.add_argument("--conversation", default="terminal", help="name of the conversation to continue")

    serve = sub.add_parser("serve", help="serve previews, published sites and the Telegram and Slack bots (when configured)")
    serve.add_argument("--port", type=int)

    generate = sub.add_parser("generate", help="generate a site from a description into a folder")
    generate.add_argument("description")
    generate.add_argument("--out", required=True, type=Path)
    generate.add_argument("--react", action="store_true", help="also write a React (Vite) export under OUT/react")
    generate.add_argument("--base-url", help="absolute URL the site will live at (enables sitemap.xml)")

    render = sub.add_parser("render", help="render a site spec (JSON) into a folder")
    render.add_argument("spec", type=Path)
    render.add_argument("--out", required=True, type=Path)
    render.add_argument("--react", action="store_true")
    render.add_argument("--base-url")

    schema = sub.add_parser("schema", help="print the JSON Schema of a site spec")
    schema.add_argument("--edits", action="store_true", help="print the schema of refinement edits instead")

    sub.add_parser("migrate", help="bring the database schema up to date")

    edge = sub.add_parser("edge", help="the nginx + Lua edge in front of published sites")
    edge_sub = edge.add_subparsers(dest="edge_command", required=True)
    edge_sub.add_parser("config", help="render nginx.conf from settings and print its path (checked with nginx -t)")
    edge_sub.add_parser("run", help="start nginx with the edge config in the foreground (development)")
    sub.add_parser("worker", help="run publish and unpublish jobs from Redis (PAGEMAGIC_REDIS_URL), health checks and scaling")

    backup = sub.add_parser("backup", help="write an encrypted backup (PAGEMAGIC_BACKUP_KEY) to PAGEMAGIC_BACKUP_DIR")
    when = backup.add_mutually_exclusive_group()
    when.add_argument("--schedule", action="store_true", help="back up now and every PAGEMAGIC_BACKUP_INTERVAL_HOURS")
    when.add_argument("--check", action="store_true", help="exit 0 when the newest backup is recent (health check)")
    restore = sub.add_parser("restore", help="bring an empty system back from a backup")
    restore.add_argument("archive", type=Path, help="a .pmbackup file")
    restore.add_argument("--no-redeploy", action="store_true",
                         help="restore data only; do not re-create the published sites' services and routes")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return asyncio.run(_run(args))
    except ValidationError as error:
        if error.title != Settings.__name__:
            raise
        problem = settings_problem(error)
        print(f"pagemagic: {problem.code}: {problem.detail}", file=sys.stderr)
        return 1
    except SettingsFileError as error:  # a PAGEMAGIC_*_FILE that cannot be read: the path, never content
        print(f"pagemagic: {ConfigurationError.code}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except InvalidSpec as error:
        print(f"pagemagic: invalid spec at {error.path}: {error.message}", file=sys.stderr)
        return 2
    except PageMagicError as error:
        print(f"pagemagic: {error.code}: {error.detail}", file=sys.stderr)
        return 1


def settings_problem(error: ValidationError) -> ConfigurationError:
    """Which variables are wrong and why, without their values (one of them may be a secret)."""
    problems = []
    for item in error.errors(include_url=False, include_input=False):
        name = str(item["loc"][0]) if item["loc"] else ""
        problems.append(f"PAGEMAGIC_{name.upper()}: {item['msg']}" if name else item["msg"])
    return ConfigurationError("; ".join(problems))


def _settings(port: int | None) -> Settings:
    if port is not None:
        os.environ["PAGEMAGIC_PORT"] = str(port)
    return Settings()


async def _run(args: argparse.Namespace) -> int:
    if args.command == "chat":
        from bots.console.chat import run_chat

        explicit = args.port is not None or "PAGEMAGIC_PORT" in os.environ
        return await run_chat(
            _settings(args.port),
            explicit_port=explicit,
            explicit_ops_port="PAGEMAGIC_OPS_PORT" in os.environ,
            conversation=args.conversation,
        )
    if args.command == "serve":
        from bots.serve import run_serve

        return await run_serve(_settings(args.port))
    if args.command == "generate":
        from bots.offline import generate_site

        site = await generate_site(args.description)
        return _write(site, args.out, args.react, args.base_url, {})
    if args.command == "render":
        from core.site.schema import load_site_json

        try:
            raw = args.spec.read_bytes()
        except OSError as exc:
            raise InvalidSpec("$", f"cannot read {args.spec}: {exc.strerror}") from exc
        site = load_site_json(raw)
        return _write(site, args.out, args.react, args.base_url, await _image_files(site))
    if args.command == "schema":
        from core.site.schema import edits_schema, site_schema

        print(json.dumps(edits_schema() if args.edits else site_schema(), indent=2, ensure_ascii=False))
        return 0
    if args.command == "worker":
        from bots.worker import run_worker

        return await run_worker(Settings())
    if args.command == "backup":
        from bots.backup import run_backup

        return await run_backup(Settings(), schedule=args.schedule, check=args.check)
    if args.command == "restore":
        from bots.backup import run_restore

        return await run_restore(Settings(), args.archive, recreate=not args.no_redeploy)
    if args.command == "edge":
        from hosting.edge.cli import edge_command

        return await asyncio.to_thread(edge_command, args.edge_command, Settings())
    if args.command == "migrate":
        from core.storage.database import create_engine, migrate

        settings = Settings()
        from core.sealing import token_box

        engine = create_engine(settings.sqlalchemy_url)
        await migrate(engine, lock_dir=settings.home, box=token_box(settings))
        await engine.dispose()
        print("database is up to date")
        return 0
    return 2


async def _image_files(site: object) -> dict[str, bytes]:
    """The photo files a spec's page links, from the image store (PAGEMAGIC_IMAGES_DIR); the ones
    it lacks are named on stderr (the page still renders, with the alt text in their place)."""
    from core.images.files import linked_files, site_image_files
    from core.images.local import LocalImageStore
    from core.site.site import Site

    assert isinstance(site, Site)
    if not site.images:
        return {}
    settings = Settings()
    files = await site_image_files(site, LocalImageStore(settings.image_dir))
    missing = sorted(set(linked_files(site)) - set(files))
    if missing:
        print(f"pagemagic: {len(missing)} image file(s) the page links are not in {settings.image_dir}: "
              f"{', '.join(missing[:3])}{' …' if len(missing) > 3 else ''}", file=sys.stderr)  # fmt: skip
    return files


def _write(site: object, out: Path, react: bool, base_url: str | None, images: dict[str, bytes]) -> int:
    from core.site.site import Site
    from pipeline import RenderOptions, export_react, render_site

    assert isinstance(site, Site)
    try:
        options = RenderOptions(base_url=base_url)
    except ValueError as exc:
        raise InvalidSpec("--base-url", f"{base_url!r} is not an absolute http(s) URL") from exc
    files = {**render_site(site, options).files, **images, "site.json": site.model_dump_json(indent=2).encode("utf-8")}
    written = _write_files(out, files)
    report = f"wrote {written} files to {out}"
    if react:
        react_written = _write_files(out / "react", export_react(site, images))
        report += f" and a React export of {react_written} files to {out / 'react'}"
    print(report)
    return 0


def _write_files(folder: Path, files: dict[str, bytes]) -> int:
    """Write each file under ``folder``; the count is of files written, so the report matches the disk."""
    written = 0
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written += 1
    return written


if __name__ == "__main__":
    raise SystemExit(main())
