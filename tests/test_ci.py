"""The CI/CD workflow runs nothing the Makefile does not have: every `run:` of
.github/workflows/ci.yml is `make <target>`, and each target exists; Dependabot watches every ecosystem the project uses. actionlint checks the
workflow itself (`make workflow-lint`, part of `make test`)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def make_targets() -> set[str]:
    listed = subprocess.run(["make", "-pRrq", "-f", str(ROOT / "Makefile")], cwd=ROOT, capture_output=True,
                            text=True, timeout=60).stdout  # fmt: skip
    return {m.group(1) for m in re.finditer(r"^([A-Za-z0-9_.-]+):(?!=)", listed, re.M)}


def test_every_command_the_workflow_runs_is_a_make_target() -> None:
    document = yaml.safe_load(WORKFLOW.read_text())
    targets = make_targets()
    runs = [step["run"].strip() for job in document["jobs"].values() for step in job["steps"] if "run" in step]
    assert runs, "the workflow runs nothing"
    used = set()
    for command in runs:
        match = re.fullmatch(r"make ([a-z][a-z0-9-]*)", command)
        assert match, f"not a make target: {command!r} (add it to the Makefile and run `make <target>`)"
        assert match.group(1) in targets, f"make {match.group(1)}: no such target in the Makefile"
        used.add(match.group(1))
    assert {"test", "deploy"} <= used
    assert {"workflow-lint", "unit", "lint", "typecheck"} <= targets


def test_the_workflow_builds_for_two_architectures_with_provenance_and_deploys_only_with_a_key() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text())["jobs"]
    assert jobs["test"]["runs-on"] == "ubuntu-latest"
    build = next(s for s in jobs["image"]["steps"] if str(s.get("uses", "")).startswith("docker/build-push-action"))
    assert build["with"]["platforms"] == "linux/amd64,linux/arm64" and build["with"]["provenance"] == "mode=max"
    assert "refs/tags/v" in jobs["image"]["if"] and jobs["deploy"]["needs"] == "image"
    deploy = next(s for s in jobs["deploy"]["steps"] if s.get("run") == "make deploy")
    assert deploy["env"]["DEPLOY_SSH_KEY"] == "${{ secrets.DEPLOY_SSH_KEY }}"
    skipped = subprocess.run(["bash", str(ROOT / "scripts" / "deploy.sh")], capture_output=True, text=True,
                             timeout=30, env={"PATH": "/usr/bin:/bin"})  # fmt: skip
    assert skipped.returncode == 0 and "DEPLOY_SSH_KEY is not set; nothing deployed" in skipped.stdout


def test_dependabot_watches_pip_npm_docker_and_actions() -> None:
    updates = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())["updates"]
    ecosystems = {u["package-ecosystem"] for u in updates}
    assert {"pip", "npm", "docker", "github-actions"} <= ecosystems
    for update in updates:
        if update["package-ecosystem"] == "npm":
            assert (ROOT / update["directory"].lstrip("/") / "package.json").is_file()
