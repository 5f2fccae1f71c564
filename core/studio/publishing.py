"""Publishing: submit a job, follow its state, report the outcome."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from core.errors import (
    FirstPublishFailed,
    FirstPublishRolledBack,
    NotPublished,
    PublishFailed,
    QueueUnavailable,
    RolledBack,
    Superseded,
    UnpublishFailed,
)
from core.events import (
    Event,
    Published,
    PublishProgress,
    Reply,
)
from core.messages import say
from core.observability.logging import get_logger
from core.site.values import Language
from core.storage.jobs import JobRecord
from core.storage.records import ChatRef, ConversationRecord
from core.studio.base import StudioBase

log = get_logger("pagemagic.studio")


class PublishingFlow(StudioBase):
    """Publishing and unpublishing through jobs; the chat follows the job's stored state."""

    # -- publishing and domains ------------------------------------------------------

    async def publish(
        self, conversation: ConversationRecord, language: Language, chat: ChatRef | None = None
    ) -> AsyncIterator[Event]:
        """Publish the current version as a job and report it as it moves.

        The job runs elsewhere (a worker, or a task of this process); this only
        submits it and follows its stored state, so a chat handler never does
        the long work. Publishing a version already being published joins that job.
        """
        record = await self._site_of(conversation)
        online = await self.store.is_online(record.id)  # whether a release serves while this one deploys
        if not online:  # one more site online (again)
            await self.quotas.check(conversation.user_id, "published_sites")
            record = await self.store.follow_name_in_slug(record.id)
        await self.quotas.check(conversation.user_id, "publishes")
        job, created = await self.jobs.submit("publish", record.id, record.current_version)
        await self._hand_over(job, created, "/publish")
        yield PublishProgress("queued", say(language, "publish_queued", version=job.version))
        final = None
        async for state, current in self._follow(job.id):
            if state in ("building", "pushing", "deploying", "waiting"):
                if state == "deploying" and not online:  # an earlier publish we waited for may be live now
                    online = await self.store.is_online(record.id)
                key = f"publish_{state}" if online or state != "deploying" else "publish_deploying_first"
                yield PublishProgress(state, say(language, key))
            elif state == "queued" and current.detail:
                yield PublishProgress("retrying", say(language, "publish_retrying", detail=current.detail))
            final = current
        state = final.state if final is not None else "queued"
        await self._audit("publish", record, conversation, chat, f"v{job.version} {state}")
        if final is None or not final.done:
            state = final.state if final else "queued"
            yield Reply(say(language, "publish_still_running", state=state), kind="publish_pending")
            return
        if final.state not in ("live", "superseded") and not online:
            online = await self.store.is_online(record.id)  # an earlier publish we waited for may be live now
        if final.state == "rolled_back":
            raise RolledBack(final.detail) if online else FirstPublishRolledBack(final.detail)
        if final.state == "superseded":
            raise Superseded(final.detail, version=final.version)
        if final.state != "live":
            detail = final.detail or "unknown error"
            raise PublishFailed(detail) if online else FirstPublishFailed(detail)
        domains = tuple(d.name for d in await self.store.domains_of(record.id) if d.held)
        text = say(language, "published", version=final.version, url=final.result_url)
        if domains:
            text += "\n" + say(language, "published_domains", domains=", ".join(domains))
        yield Published(url=final.result_url, version=final.version, domains=domains, text=text)

    async def _hand_over(self, job: JobRecord, created: bool, command: str) -> None:
        """Give the job to the queue; if the queue is down, leave no job behind that nobody will run.

        A job we just made is ended as failed (unless a worker already took it
        from the database), and the user is told to try again. A job that
        existed already was handed over before: it is followed as it is.
        """
        try:
            await self.queue.submit(job.id)
        except QueueUnavailable as error:
            log.warning("job_not_queued", job_id=job.id, new_job=created, detail=error.detail)
            if created and await self.jobs.abandon(job.id, f"could not be queued ({error.detail})"):
                raise QueueUnavailable(error.detail, command=command) from error

    async def _follow(self, job_id: int) -> AsyncIterator[tuple[str, JobRecord]]:
        """Each state change of a job until it ends or ``publish_wait`` runs out."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.config.publish_wait.total_seconds()
        last: tuple[str, str] | None = None
        pause = 0.02
        while True:
            job = await self.jobs.get(job_id)
            if job is None:
                return
            if (job.state, job.detail) != last:
                last = (job.state, job.detail)
                yield job.state, job
            if job.done or loop.time() >= deadline:
                return
            await asyncio.sleep(pause)
            pause = min(pause * 1.5, 0.5)

    async def unpublish(
        self, conversation: ConversationRecord, language: Language, chat: ChatRef | None = None
    ) -> AsyncIterator[Event]:
        record = await self._site_of(conversation)
        if not await self.store.is_online(record.id):
            raise NotPublished()  # never published, or already taken offline
        # A job like publish: the worker holds the Docker socket, this process only asks and follows.
        job, created = await self.jobs.submit("unpublish", record.id, record.current_version)
        await self._hand_over(job, created, "/unpublish")
        final = None
        async for _state, current in self._follow(job.id):
            final = current
        await self._audit("unpublish", record, conversation, chat, f"v{record.current_version} {final.state if final else 'queued'}")
        if final is None or not final.done:
            state = final.state if final else "queued"
            yield Reply(say(language, "unpublish_still_running", state=state), kind="unpublish_pending")
            return
        if final.state != "removed":
            raise UnpublishFailed(final.detail or "unknown error")
        yield Reply(say(language, "unpublished", name=record.name), kind="unpublished")
