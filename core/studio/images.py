"""Photos and logos sent in the chat: processed, stored once, placed, and saved as a new version.

One call handles what a user sent together (a photo, an album, twenty photos):
each file is checked against the limits, fetched, processed in a thread
(``pipeline.images``), counted against the plan's storage and kept in the
``ImageStore``; then the caption is read like any refinement (so "use it as the
cover" works with the offline generator and with a model), and what it did not
place goes to the gallery. Without a caption that describes it, the photo gets a
neutral alt text from where it went and the bot asks once what it shows.
A file that cannot be used is reported; the others still go in.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from core.errors import ImageRejected, InvalidSpec, PageMagicError, QuotaExceeded
from core.events import Event, PreviewReady, Reply
from core.images.palette import theme_from_logo
from core.images.port import ImageStore
from core.images.upload import ImageUpload
from core.llm.port import CannotHelp, EditGenerated, GenerationRequest, SiteGenerator, TokensUsed
from core.messages import say
from core.ports import PreviewChannel, QuotaPolicy, UsageMeter
from core.site.edits import AddImage, Edit, PlaceImage, SetImageAlt, SetTheme, apply_edits
from core.site.images import ITEM_TARGETS, ImageAsset, ImageTarget
from core.site.site import Site, image_references, shown_with
from core.site.values import Language
from core.storage.images import ImageUploads
from core.storage.records import ConversationRecord
from core.storage.store import Store
from core.studio.formatting import _amount
from pipeline.images import Limits, ProcessedImage, process

MAX_BATCH = 20


@dataclass(frozen=True)
class ImageSettings:
    limits: Limits = field(default_factory=Limits)
    max_batch: int = MAX_BATCH


class ImagesFlow:
    """``Studio.add_images`` is this object's ``add``; it holds only what image work needs."""

    def __init__(
        self,
        store: Store,
        images: ImageStore,
        generator: SiteGenerator,
        previews: PreviewChannel,
        quotas: QuotaPolicy,
        meter: UsageMeter,
        settings: ImageSettings,
        preview_ttl: object,
    ) -> None:
        self.store = store
        self.images = images
        self.uploads = ImageUploads(store)
        self.generator = generator
        self.previews = previews
        self.quotas = quotas
        self.meter = meter
        self.settings = settings
        self.preview_ttl = preview_ttl

    async def add(
        self, conversation: ConversationRecord, uploads: list[ImageUpload], caption: str, language: Language
    ) -> AsyncIterator[Event]:
        if len(uploads) > self.settings.max_batch:
            raise ImageRejected("too_many", count=len(uploads), limit=self.settings.max_batch)
        processed: list[ProcessedImage] = []
        refused: list[str] = []
        for upload in uploads:
            try:
                processed.append(await self._take(conversation, upload))
            except ImageRejected as error:
                if len(uploads) == 1:
                    raise
                refused.append(f"{upload.name} ({say(language, _reason_key(error), **_params(error, language))})")
        if not processed:
            yield Reply(say(language, "image_some_refused", items="; ".join(refused)), kind="images_refused")
            return
        if conversation.site_id is None:
            for image in processed:
                if await self.uploads.record(conversation.user_id, _asset(image, "—"), image.size, conversation.id):
                    await self.meter.record(conversation.user_id, "storage", image.size)
            yield Reply(say(language, "image_kept_no_site", count=len(processed)), kind="images_kept")
            return
        async for event in self._place(conversation, processed, caption.strip(), language, refused):
            yield event

    async def keep(self, owner_id: int, upload: ImageUpload, alt: str) -> ImageAsset:
        """One file from the visual editor: checked, processed and kept exactly like a chat photo
        (the same limits, quota and storage meter); the editor then places it with an edit."""
        limits = self.settings.limits
        if upload.size is not None and upload.size > limits.max_bytes:
            raise ImageRejected("too_big", size=upload.size, limit=limits.max_bytes)
        image = await asyncio.to_thread(process, await upload.fetch(limits.max_bytes), limits)
        if not await self.uploads.owned(owner_id, {image.hash}):
            await self.quotas.check(owner_id, "storage", image.size)
        await self.images.put(image.hash, image.files)
        asset = _asset(image, alt)
        if await self.uploads.record(owner_id, asset, image.size, None):
            await self.meter.record(owner_id, "storage", image.size)
        return asset

    async def _take(self, conversation: ConversationRecord, upload: ImageUpload) -> ProcessedImage:
        """Check, fetch, process, count and keep one file."""
        limits = self.settings.limits
        if upload.size is not None and upload.size > limits.max_bytes:
            raise ImageRejected("too_big", size=upload.size, limit=limits.max_bytes)
        data = await upload.fetch(limits.max_bytes)
        image = await asyncio.to_thread(process, data, limits)
        if not await self.uploads.owned(conversation.user_id, {image.hash}):
            await self.quotas.check(conversation.user_id, "storage", image.size)
        await self.images.put(image.hash, image.files)
        return image

    async def _place(
        self,
        conversation: ConversationRecord,
        processed: list[ProcessedImage],
        caption: str,
        language: Language,
        refused: list[str],
    ) -> AsyncIterator[Event]:
        assert conversation.site_id is not None
        record = await self.store.site(conversation.site_id)
        current = await self.store.version(record.id, record.current_version)
        site = current.site
        name = site.name
        fresh = [image for image in dict((p.hash, p) for p in processed).values()]
        hashes = tuple(image.hash for image in fresh)
        edits: list[Edit] = [
            AddImage(image=_asset(image, say(site.language, "alt_gallery", name=name)))
            for image in fresh
            if site.image(image.hash) is None
        ]
        site, _ = apply_edits(site, edits)
        understood, tokens = (
            await self._read_caption(conversation.user_id, site, caption, hashes, language) if caption else ([], 0)
        )
        described = any(isinstance(e, SetImageAlt) for e in understood)
        placed_by_caption = {e.hash: e.target for e in understood if isinstance(e, PlaceImage)}
        if caption and not understood:
            understood = [SetImageAlt(hash=h, alt=caption[:160]) for h in hashes]  # the caption says what it shows
            described = True
        site, _ = apply_edits(site, understood)
        kept = 0
        targets: dict[str, ImageTarget] = dict(placed_by_caption)
        for image_hash in hashes:
            if image_hash in targets or _shown(site, image_hash):
                targets.setdefault(image_hash, "gallery")
                continue
            try:
                site, _ = apply_edits(site, [PlaceImage(hash=image_hash, target="gallery")])
                targets[image_hash] = "gallery"
            except InvalidSpec:
                kept += 1  # the gallery is full: kept in the library, not shown
        site = self._neutral_alts(site, targets)
        site, recoloured = await self._logo_palette(record.id, current.site, site)
        if site == current.site:
            yield Reply(say(language, "image_not_shown"), kind="no_change")
            return
        instruction = ("📷 " + caption if caption else "📷") + f" ({len(hashes)})"
        record = await self.store.add_version(
            record.id, site, instruction[:500], expected=current.number, preview_ttl=self.preview_ttl  # type: ignore[arg-type]
        )
        for image in fresh:
            asset = site.image(image.hash)
            if asset is not None and await self.uploads.record(conversation.user_id, asset, image.size, None):
                # bytes newly kept: the Stripe storage meter sums these (the limit counts what is kept now)
                await self.meter.record(conversation.user_id, "storage", image.size, record.id)
        if tokens:
            await self.meter.record(conversation.user_id, "tokens", tokens, record.id)
        await self.previews.draft_finished(record.preview_token)
        await self.store.add_turn(conversation.id, "assistant", f"v{record.current_version}: {len(hashes)} image(s)")
        url = self.previews.preview_url(record.preview_token)
        what = [_placement_text(site, targets, language)]
        if recoloured:
            what.append(say(language, "image_logo_palette"))
        if kept:
            what.append(say(language, "image_kept", count=kept))
        if refused:
            what.append(say(language, "image_some_refused", items="; ".join(refused)))
        if not described and any(t != "logo" for t in targets.values()):
            what.append(say(language, "image_ask_alt"))
        yield PreviewReady(
            url=url,
            version=record.current_version,
            site_name=site.name,
            changed_sections=(),
            text=say(language, "image_preview", what=" ".join(what), version=record.current_version, url=url),
        )

    async def _read_caption(
        self, user_id: int, site: Site, caption: str, hashes: tuple[str, ...], language: Language
    ) -> tuple[list[Edit], int]:
        """The caption as a refinement of the site with the new photos: edits the generator made.

        A model may only name photos the owner sent: an edit adding any other is not applied
        (the caption then just describes the photos), as in a text refinement."""
        request = GenerationRequest(
            instruction=caption, current=site, language=language, focus_images=hashes, caption=True
        )
        edits: list[Edit] = []
        tokens = 0
        try:
            async for event in self.generator.generate(request):
                if isinstance(event, EditGenerated):
                    edits.append(event.edit)
                elif isinstance(event, TokensUsed):
                    tokens += event.prompt + event.completion
                elif isinstance(event, CannotHelp):
                    return [], tokens
        except PageMagicError:
            return [], tokens  # the caption could not be read: it still describes the photo
        added = {e.image.hash for e in edits if isinstance(e, AddImage)} - set(hashes)
        if added and added - await self.uploads.owned(user_id, added):
            return [], tokens
        try:
            apply_edits(site, edits)
        except InvalidSpec:
            return [], tokens
        return edits, tokens

    def _neutral_alts(self, site: Site, targets: dict[str, ImageTarget]) -> Site:
        """Until the owner says what a photo shows, its alt says what it is from where it went."""
        edits: list[Edit] = []
        for image_hash, target in targets.items():
            asset = site.image(image_hash)
            if asset is None or asset.alt_given:
                continue
            item = shown_with(site, image_hash)
            if target in ITEM_TARGETS and item:
                alt = say(site.language, "alt_item", item=item)
            else:
                key = {"cover": "alt_cover", "logo": "alt_logo"}.get(target, "alt_gallery")
                alt = say(site.language, key, name=site.name)
            if alt != asset.alt:
                edits.append(SetImageAlt(hash=image_hash, alt=alt, given=False))
        if not edits:
            return site
        updated, _ = apply_edits(site, edits)
        return updated

    async def _logo_palette(self, site_id: int, before: Site, after: Site) -> tuple[Site, bool]:
        return await logo_palette(self.store, site_id, before, after)


async def logo_palette(store: Store, site_id: int, before: Site, after: Site) -> tuple[Site, bool]:
    """A new logo recolours the theme from its dominant colours, unless the owner chose colours.

    The owner chose colours when any version's palette differs from the first
    version's (a colour, a style or dark mode was asked for in the chat).
    """
    if after.logo is None or after.logo == before.logo or after.theme != before.theme:
        return after, False
    versions = await store.versions(site_id)
    first = versions[0].site.theme.palette if versions else after.theme.palette
    if any(v.site.theme.palette != first for v in versions):
        return after, False
    theme = theme_from_logo(after)
    if theme is None or theme == after.theme:
        return after, False
    recoloured, _ = apply_edits(after, [SetTheme(theme=theme)])
    return recoloured, True


def _asset(image: ProcessedImage, alt: str) -> ImageAsset:
    return ImageAsset(
        hash=image.hash,
        width=image.width,
        height=image.height,
        alt=alt,
        placeholder=list(image.placeholder),
        alpha=image.alpha,
        colours=list(image.colours),
    )


def _shown(site: Site, image_hash: str) -> bool:
    return image_hash in image_references(site)


def _placement_text(site: Site, targets: dict[str, ImageTarget], language: Language) -> str:
    places = list(targets.values())
    if not places:
        return say(language, "image_not_shown")
    if len(places) > 1 and all(p == "gallery" for p in places):
        return say(language, "image_placed_gallery_many", count=len(places))
    image_hash, first = next(iter(targets.items()))
    if first in ITEM_TARGETS:
        # the item's own name ("Olivia Bennett"), which the owner may have shortened ("Olivia")
        item = shown_with(site, image_hash)
        if item:
            return say(language, "image_placed_item", name=item)
        return say(language, "image_not_shown")
    return say(language, f"image_placed_{first}")


def _reason_key(error: ImageRejected) -> str:
    return f"error_image_rejected_{error.reason}"


def _params(error: ImageRejected, language: Language) -> dict[str, object]:
    params = {k: v for k, v in error.params.items() if k != "reason"}
    for key in ("size", "limit"):
        if isinstance(params.get(key), int) and error.reason == "too_big":
            params[key] = _amount("bytes", int(params[key]), language)
    return params


__all__ = ["ImageSettings", "ImagesFlow", "QuotaExceeded", "logo_palette"]
