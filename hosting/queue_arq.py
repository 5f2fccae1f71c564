"""``JobQueue`` on Redis with arq: the chat submits, ``pagemagic worker`` runs.

arq delivers; the job's lease in the database decides who runs it, so a job
delivered twice (or re-delivered after a worker died) still runs once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from arq import create_pool
from arq.connections import ArqRedis, RedisSettings
from redis.exceptions import RedisError

from core.errors import QueueUnavailable
from core.observability.context import current_request_id, request_scope
from hosting.jobs import JobRunner

TASK = "run_publish_job"


class ArqQueue:
    def __init__(self, redis_url: str) -> None:
        # A chat is waiting: one quick retry of a blip, not arq's default five seconds of them.
        self._settings = replace(RedisSettings.from_dsn(redis_url), conn_retries=1, conn_retry_delay=1)
        self._pool: ArqRedis | None = None

    async def submit(self, job_id: int) -> None:
        """Hand the job to the workers; ``QueueUnavailable`` when Redis cannot be reached."""
        try:
            if self._pool is None:
                self._pool = await create_pool(self._settings)
            # The chat's request id travels with the job, so the worker's log lines carry it too.
            await self._pool.enqueue_job(TASK, job_id, current_request_id(), _job_id=f"pagemagic-job-{job_id}")
        except (RedisError, OSError, TimeoutError) as exc:
            raise QueueUnavailable(type(exc).__name__) from exc

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.aclose()
            self._pool = None


async def run_publish_job(ctx: dict[str, Any], job_id: int, request_id: str | None = None) -> str | None:
    runner: JobRunner = ctx["runner"]
    with request_scope(request_id):
        return await runner.run(job_id)
