"""The GitHub workflows: safe for pull requests from anyone, least privilege to publish."""

from __future__ import annotations

import re

import pytest

from wardpanels.loading import parse_yaml

from .conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    # Read as YAML 1.2, where the key `on` stays a word (PyYAML would make it True).
    return parse_yaml((WORKFLOWS / name).read_text(encoding="utf-8"), name).value


def steps(flow: dict) -> list[dict]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def test_pull_requests_run_read_only_without_secrets():
    flow = workflow("check.yml")
    assert list(flow["on"]) == ["pull_request"]
    assert flow["permissions"] == {"contents": "read"}
    text = (WORKFLOWS / "check.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    runs = " ".join(step.get("run", "") for step in steps(flow))
    assert "validate --format github" in runs and "make site" in runs and "make test" in runs
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in steps(flow))


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_no_workflow_runs_on_pull_request_target(name):
    assert "pull_request_target" not in workflow(name)["on"]


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_every_checkout_has_full_history_and_every_action_is_pinned(name):
    """Pinned by commit, which a tag cannot be moved under; the version beside it says
    which release that commit is, for whoever updates it."""
    lines = (WORKFLOWS / name).read_text(encoding="utf-8").splitlines()
    pinned = [line for line in lines if re.match(r"\s*(- )?uses:", line)]
    for line in pinned:
        assert re.fullmatch(r"\s*(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), (
            line
        )
    for step in steps(workflow(name)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["fetch-depth"] == 0
    assert len(pinned) == sum("uses" in step for step in steps(workflow(name)))


def test_main_is_published_to_pages_daily_and_on_every_push():
    flow = workflow("publish.yml")
    assert flow["on"]["push"] == {"branches": ["main"]}
    assert flow["on"]["schedule"][0]["cron"]
    assert flow["permissions"] == {"contents": "read"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert "permissions" not in build  # only the deploy job may write to Pages
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [step.get("uses", "") for step in steps(flow)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_pre_commit_checks_the_data_and_the_schemas():
    config = parse_yaml(
        (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"), ".pre-commit-config.yaml"
    ).value
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "make --no-print-directory validate" in entries
    assert "make --no-print-directory check-schema" in entries
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ncheck-schema:" in makefile and "\nvalidate:" in makefile


@pytest.mark.parametrize(
    ("config", "types"),
    [
        ("deploy/nginx.conf", r"gzip_types([^;]*);"),
        ("deploy/htaccess", r"((?: *AddOutputFilterByType DEFLATE [^\n]*\n)+)"),
    ],
)
def test_web_server_settings_compress_every_kind_of_text_the_site_serves(config, types):
    text = (ROOT / config).read_text(encoding="utf-8")
    compressed = re.search(types, text)
    assert compressed, config
    for kind in (
        "text/css",
        "application/javascript",
        "application/json",
        "application/geo+json",  # the wards' outlines "Use my location" downloads
        "application/xml",
        "application/atom+xml",
        "text/calendar",
    ):
        assert kind in compressed.group(1), (config, kind)
    if config.endswith("htaccess"):
        assert "text/html" in compressed.group(1)  # nginx always compresses HTML


def test_pull_requests_say_what_the_change_does_and_name_the_pages_in_the_preview():
    flow = workflow("check.yml")
    runs = [" ".join(step.get("run", "").split()) for step in steps(flow)]
    (summary,) = [run for run in runs if "wardpanels changes" in run]
    # GitHub checks out the merge of the pull request: its first parent is the base.
    assert "--base HEAD^1" in summary
    assert summary.endswith('>> "$GITHUB_STEP_SUMMARY"')
    pages = summary.split("--pages ")[1].split()[0]
    copied = runs.index(f"cp {pages} site/changed-pages.txt")
    upload = next(
        index
        for index, step in enumerate(steps(flow))
        if step.get("uses", "").startswith("actions/upload-artifact@")
    )
    assert runs.index("make site") < copied < upload
    assert steps(flow)[upload]["with"]["path"] == "site/"


@pytest.mark.parametrize("config", ["netlify.toml", "deploy/nginx.conf", "deploy/htaccess"])
def test_hosts_that_can_serve_the_bengali_404_page_under_bn_do(config):
    assert "/bn/404.html" in (ROOT / config).read_text(encoding="utf-8")
