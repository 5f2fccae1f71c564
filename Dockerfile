# Page Magic: one image for `pagemagic serve`, `pagemagic worker`, `pagemagic migrate` and the edge
# (`pagemagic edge run`: nginx + Lua configured by `pagemagic edge config`).
#   docker build --build-arg BASE_IMAGE=python:3.11-slim-bookworm -t registry.example/pagemagic:1 .
ARG BASE_IMAGE=python:3.11-slim-bookworm

# -- build: compilers and headers stay here ---------------------------------------------------
FROM ${BASE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
# Dependencies first (cached while only the code changes), then the project itself, editable at
# /app so the edge finds lua/ next to the Python packages.
COPY pyproject.toml README.md ./
COPY bots bots
COPY core core
COPY pipeline pipeline
COPY hosting hosting
COPY billing billing
COPY web web
COPY lua lua
# The message catalogs are compiled here (.po -> .mo); compiled catalogs are never committed.
RUN pip install -e . && python -m core.i18n.compile && python -m compileall -q bots core pipeline hosting billing web

# -- final: the runtime only, as an unprivileged user -----------------------------------------
FROM ${BASE_IMAGE}
# nginx with the Lua module and its Redis/JSON libraries, ModSecurity and the OWASP Core Rule Set, for
# the edge service; PostgreSQL's client tools for `pagemagic backup` and `restore` (pg_dump 15 reads
# servers up to 15: the stack runs PostgreSQL 15).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      nginx-light libnginx-mod-http-lua lua-nginx-redis lua-cjson ca-certificates \
      libnginx-mod-http-modsecurity modsecurity-crs postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 pagemagic \
 && useradd --system --uid 10001 --gid pagemagic --home-dir /data --shell /usr/sbin/nologin pagemagic \
 && mkdir -p /data && chown pagemagic:pagemagic /data
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PAGEMAGIC_HOME=/data \
    PAGEMAGIC_HOST=0.0.0.0 \
    PAGEMAGIC_PORT=8400 \
    PAGEMAGIC_OPS_HOST=0.0.0.0 \
    PAGEMAGIC_OPS_PORT=8402 \
    PAGEMAGIC_LOG_FORMAT=json
WORKDIR /app
USER pagemagic:pagemagic
# 8400 sites and previews (public); 8402 /metrics and /readyz of serve, 8401 the worker's (private)
EXPOSE 8400 8401 8402 8480
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-m", "hosting.health", "http://127.0.0.1:8400/healthz"]
ENTRYPOINT ["pagemagic"]
CMD ["serve"]
