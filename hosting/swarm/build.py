"""Build a site image from a rendered release and push it to the registry."""

from __future__ import annotations

import asyncio
import io
import tarfile
from dataclasses import dataclass

from docker.errors import BuildError

from core.errors import BackendUnavailable, PublishFailed
from hosting.swarm.engine import APIError, DockerEngine


@dataclass(frozen=True)
class ImageSettings:
    registry: str  # e.g. "127.0.0.1:5000"
    base_image: str  # e.g. "nginx:alpine"
    site_root: str  # where the base image serves files from
    push_attempts: int = 4
    push_backoff: float = 0.5


def dockerfile(settings: ImageSettings, site_id: int, version: int) -> str:
    return (
        f"FROM {settings.base_image}\n"
        f"COPY site/ {settings.site_root.rstrip('/')}/\n"
        f'LABEL pagemagic.site="{site_id}" pagemagic.version="{version}"\n'
    )


def build_context(files: dict[str, bytes], docker_file: str) -> bytes:
    """A tar archive with the Dockerfile and the site under ``site/``; deterministic."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        entries = {"Dockerfile": docker_file.encode(), **{f"site/{name}": data for name, data in files.items()}}
        for name in sorted(entries):
            info = tarfile.TarInfo(name)
            info.size = len(entries[name])
            info.mode = 0o644
            info.mtime = 0
            tar.addfile(info, io.BytesIO(entries[name]))
    return buffer.getvalue()


def image_ref(settings: ImageSettings, slug: str, version: int) -> tuple[str, str]:
    return f"{settings.registry}/site-{slug}", f"v{version}"


async def build_image(
    engine: DockerEngine, settings: ImageSettings, slug: str, site_id: int, version: int, files: dict[str, bytes]
) -> str:
    """Build and tag ``REGISTRY/site-SLUG:vVERSION``; a failed build reports its last log lines."""
    repo, tag = image_ref(settings, slug, version)
    context = build_context(files, dockerfile(settings, site_id, version))
    labels = {"pagemagic.site": str(site_id), "pagemagic.version": str(version)}

    def build(client: object) -> None:
        client.images.build(  # type: ignore[attr-defined]
            fileobj=io.BytesIO(context), custom_context=True, tag=f"{repo}:{tag}", labels=labels,
            rm=True, forcerm=True, pull=False,
        )

    try:
        await engine.call(build)
    except BuildError as exc:
        lines = [str(entry.get("stream") or entry.get("error") or "").strip() for entry in exc.build_log]
        tail = "\n".join(line for line in lines if line)[-800:]
        raise PublishFailed(f"the image build failed: {exc.msg}\n{tail}".strip()) from exc
    except APIError as exc:
        raise PublishFailed(f"the image build failed: {exc.explanation or exc}") from exc
    return f"{repo}:{tag}"


async def push_image(engine: DockerEngine, settings: ImageSettings, reference: str) -> str:
    """Push with retries and backoff; returns the digest-pinned reference (repo@sha256:...)."""
    repo, _, tag = reference.rpartition(":")
    last_error = ""
    for attempt in range(settings.push_attempts):
        if attempt:
            await asyncio.sleep(settings.push_backoff * 2 ** (attempt - 1))

        def push(client: object) -> tuple[str | None, str]:
            digest, error = None, ""
            for entry in client.api.push(repo, tag=tag, stream=True, decode=True):  # type: ignore[attr-defined]
                if "error" in entry:
                    error = str(entry["error"])
                aux = entry.get("aux") or {}
                if "Digest" in aux:
                    digest = str(aux["Digest"])
            return digest, error

        try:
            digest, last_error = await engine.call(push)
        except APIError as exc:
            last_error = str(exc.explanation or exc)
            continue
        if digest and not last_error:
            return f"{repo}@{digest}"
    raise BackendUnavailable(f"the registry did not accept the image ({last_error[:200]})")
