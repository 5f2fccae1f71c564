# Stand-in for redis:7-bookworm where no image can be pulled (scripts/stack-check.sh).
ARG BASE_IMAGE=pagemagic-base:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends redis-server redis-tools && rm -rf /var/lib/apt/lists/*
