# Stand-in for registry:2 where no image can be pulled (scripts/stack-check.sh): no auth, storage in /var/lib/registry.
ARG BASE_IMAGE=pagemagic-base:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends docker-registry wget && rm -rf /var/lib/apt/lists/* \
 && printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n' \
      > /etc/docker/registry/config.yml
CMD ["docker-registry", "serve", "/etc/docker/registry/config.yml"]
