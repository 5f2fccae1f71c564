"""The ``local`` hosting backend: published sites are folders this app serves.

Each publish writes a complete release folder, then switches the site's
``current`` link to it with an atomic rename, so a request sees either the old
release or the new one, never a mix. Older releases are kept for rollback.

The switch is fenced: under a lock file of the site, the job id of the release
that went live last is kept in ``fence``, and a publish from an earlier job
(one that lost its lease and woke up late) is refused with ``Superseded``
instead of putting its older release back.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from core.errors import Superseded
from core.images.files import site_image_files
from core.images.port import ImageStore
from core.ports import DomainMapping, ProgressReporter, PublishTarget, Release
from core.site.site import Site
from pipeline import RenderOptions, render_site

META_FILE = ".pagemagic-release.json"
FENCE_FILE = "fence"  # beside ``current``: the job id of the release that went live last


class LocalHosting:
    name = "local"

    def __init__(self, releases_dir: Path, base_url: str, keep: int = 5, images: ImageStore | None = None) -> None:
        self.releases_dir = releases_dir
        self.images = images
        self.base_url = base_url.rstrip("/")
        self.keep = keep

    def site_url(self, slug: str) -> str:
        return f"{self.base_url}/s/{slug}/"

    def current_dir(self, slug: str) -> Path:
        return self.releases_dir / slug / "current"

    async def publish(self, target: PublishTarget, site: Site, progress: ProgressReporter) -> Release:
        url = self.site_url(target.slug)
        await progress("deploying", "")
        bundle = render_site(site, RenderOptions(base_url=url))
        files = {**bundle.files, **(await site_image_files(site, self.images) if self.images else {})}
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        release_id = f"v{target.version}-{stamp}"
        await asyncio.to_thread(self._write_release, target.slug, release_id, files, bundle.csp, target.sequence)
        return Release(url=url, release_id=release_id)

    async def unpublish(self, slug: str) -> None:
        """Take the site offline; releases stay on disk so a later publish is quick."""
        current = self.current_dir(slug)
        await asyncio.to_thread(current.unlink, missing_ok=True)

    async def forget(self, slug: str) -> None:
        """Every release of the site, gone from disk (account deletion)."""
        await self.unpublish(slug)
        await asyncio.to_thread(shutil.rmtree, self.releases_dir / slug, True)

    def _write_release(self, slug: str, release_id: str, files: dict[str, bytes], csp: str, sequence: int) -> None:
        site_dir = self.releases_dir / slug
        releases = site_dir / "releases"
        staging = releases / f".{release_id}.tmp"
        staging.mkdir(parents=True, exist_ok=False)
        for name, content in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        (staging / META_FILE).write_text(csp, encoding="utf-8")
        final = releases / release_id
        staging.rename(final)
        with open(site_dir / "switch.lock", "a") as lock:  # one switch of this site at a time, across processes
            fcntl.flock(lock, fcntl.LOCK_EX)
            fence = self._fence(site_dir)
            if sequence and fence > sequence:
                shutil.rmtree(final, ignore_errors=True)
                raise Superseded(f"the live release came from a later job ({fence})")
            if sequence:
                staged_fence = site_dir / f".fence-{release_id}"
                staged_fence.write_text(str(sequence), encoding="ascii")
                os.replace(staged_fence, site_dir / FENCE_FILE)
            link = site_dir / f".current-{release_id}"
            link.symlink_to(Path("releases") / release_id)
            os.replace(link, site_dir / "current")  # atomic switch
        self._prune(releases, keep_also=final)

    @staticmethod
    def _fence(site_dir: Path) -> int:
        try:
            return int((site_dir / FENCE_FILE).read_text(encoding="ascii"))
        except (FileNotFoundError, ValueError):
            return 0

    def _prune(self, releases: Path, keep_also: Path) -> None:
        done = sorted((p for p in releases.iterdir() if not p.name.startswith(".")), key=lambda p: p.stat().st_mtime)
        for old in done[: max(0, len(done) - self.keep)]:
            if old != keep_also:
                shutil.rmtree(old, ignore_errors=True)

    async def map_domain(self, target: PublishTarget, domain: str) -> DomainMapping:
        # Locally a domain is served by Host header from this very server.
        return DomainMapping(status="active", server=self.base_url)

    def releases(self, slug: str) -> list[str]:
        releases = self.releases_dir / slug / "releases"
        if not releases.exists():
            return []
        return sorted(p.name for p in releases.iterdir() if not p.name.startswith("."))

    def csp_of(self, folder: Path) -> str | None:
        meta = folder / META_FILE
        return meta.read_text(encoding="utf-8") if meta.exists() else None
