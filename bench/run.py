"""`make bench`: how long the site takes to build at 20, 300, 700 and 1000 wards.

For each size it builds the whole site in sets of fresh processes, taking turns to go
first: once as usual; once as MkDocs alone, from the same outputs written out as plain files
by `wardpanels render`, with the hooks turned off (the ratio of the two is what the ward
panel code costs on top of MkDocs and Material); and as a plain MkDocs + Material site with
the same pages as plain Markdown files and only the search plugin: what a borough would
compare us with. That one is built twice: with the pages as they are, where plain Markdown
leaves the text inside our `markdown` HTML elements unconverted, and "unwrapped", without
those elements, so that it converts the same text ours does. It also reports peak memory
(of the largest process a build starts), the gzipped sizes residents and search download,
and the machine's load average while it ran.

    .venv/bin/python bench/run.py [--sizes 20 300 700 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from statistics import median

from synthetic import write_wards

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1795435200"  # Monday 23 November 2026, midday
TARGETS = (
    "ratio to MkDocs alone <= 1.10 and to a plain Material site <= 1.25 at 300 and 1000 "
    "wards; ward page <= 12 KB; search index <= 1 KB a ward; peak memory <= 500 MB"
)
PLAIN_CONFIG = """\
site_name: A plain site
site_url: https://wardpanels.example.org/
theme:
  name: material
plugins:
  - search
"""


@dataclass(frozen=True)
class Run:
    seconds: float  # as the clock on the wall goes
    cpu: float  # processor time of the build and every process it started
    peak: float  # megabytes, of the largest process


def measured(command: list[str], env: dict[str, str]) -> Run:
    """One command, run in a process of its own."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "start = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:]).returncode\n"
        "seconds = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "cpu, peak = usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024\n"
        "print(json.dumps([code, seconds, cpu, peak]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    code, seconds, cpu, peak = json.loads(result.stdout.strip().splitlines()[-1])
    if code != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    return Run(seconds, cpu, peak)


def render_plain(work: Path, env: dict[str, str]) -> Path:
    """Every output written as files by `wardpanels render`, with the configuration that
    builds them with no hooks: what MkDocs alone costs for the same site."""
    out = work / "rendered"
    subprocess.run(
        [str(Path(sys.executable).parent / "wardpanels"), "render", "--out", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return out / "mkdocs.yml"


def plain_site(rendered: Path, *, unwrapped: bool) -> Path:
    """A plain MkDocs + Material site with as many pages of the same size: every page the
    render wrote, as plain Markdown, and nothing else of ours. Our pages hold most of their
    Markdown inside HTML elements marked `markdown` (md_in_html: a meeting's card); plain
    Markdown leaves what such an element holds as it is, unconverted, so `unwrapped` takes
    those elements away and keeps what they hold: the same text, converted as ours is."""
    plain = rendered.parent / ("plain-unwrapped" if unwrapped else "plain")
    for page in (rendered / "docs").rglob("*.md"):
        target = plain / "docs" / page.relative_to(rendered / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):  # front matter our theme reads, which a plain site lacks
            text = text.split("\n---\n", 1)[-1]
        target.write_text(_unwrapped(text) if unwrapped else text, encoding="utf-8")
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return plain / "mkdocs.yml"


_OPENING = re.compile(r"<([a-z]+)\b[^<>]*>")
_CLOSING = re.compile(r"</([a-z]+)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})


def _unwrapped(text: str) -> str:
    """The Markdown without the lines that open or close an element marked `markdown`: each
    stands on a line of its own in what the render writes."""
    kept, opened = [], []
    for line in text.split("\n"):
        opening, closing = _OPENING.fullmatch(line), _CLOSING.fullmatch(line)
        if opening and opening[1] not in _VOID:
            opened.append(" markdown" in line)
            if opened[-1]:
                continue
        elif closing and opened and opened.pop():
            continue
        kept.append(line)
    return "\n".join(kept)


def translations_for(work: Path) -> Path:
    """The languages' catalogues without the bundled wards' translations, which name wards
    the synthetic borough does not have."""
    folder = work / "translations"
    for catalogue in (ROOT / "translations").glob("*/messages.po"):
        target = folder / catalogue.parent.name / catalogue.name
        target.parent.mkdir(parents=True)
        shutil.copy(catalogue, target)
    return folder


def git_commit(folder: Path) -> None:
    """The wards in a repository of their own, so the build reads git history as it would."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
        "GIT_AUTHOR_DATE": "2026-11-01T10:00:00Z",
        "GIT_COMMITTER_DATE": "2026-11-01T10:00:00Z",
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "wards"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True)


def run(count: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"wardpanels-bench-{count}-") as folder:
        work = Path(folder)
        write_wards(work / "wards", count)
        git_commit(work)
        env = {
            **os.environ,
            "SOURCE_DATE_EPOCH": EPOCH,
            "NO_MKDOCS_2_WARNING": "1",
            "WARDPANELS_WARDS": str(work / "wards"),
            "WARDPANELS_TRANSLATIONS": str(translations_for(work)),
        }
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
        full_build = [*mkdocs, "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(work / "site")]
        rendered = render_plain(work, env)
        alone_build = [*mkdocs, "-f", str(rendered), "-d", str(work / "baseline")]
        plain_build, unwrapped_build = (
            [*mkdocs, "-f", str(plain_site(rendered.parent, unwrapped=unwrapped)), "-d", str(out)]
            for unwrapped, out in ((False, work / "plain-site"), (True, work / "unwrapped-site"))
        )  # each site beside its docs folder, never around it
        # On a shared machine a slow spell can last a whole build. So the three builds run
        # as a set, one straight after another and taking turns to go first; each ratio is
        # taken within a set, and each figure is the median of `repeat` sets.
        sets = []
        loads = []  # what else the machine was doing: the ratios are noisier the higher it is
        builds = {
            "full": full_build,
            "alone": alone_build,
            "plain": plain_build,
            "unwrapped": unwrapped_build,
        }
        for turn in range(repeat):
            order = list(builds)[turn % len(builds) :] + list(builds)[: turn % len(builds)]
            runs = {name: measured(builds[name], env) for name in order}
            sets.append(runs)
            loads.append(os.getloadavg()[1])
            print(
                f"{count} wards, set {turn + 1}: full {runs['full'].seconds:.1f} s, "
                f"MkDocs alone {runs['alone'].seconds:.1f} s, plain Material site "
                f"{runs['plain'].seconds:.1f} s, unwrapped {runs['unwrapped'].seconds:.1f} s; "
                f"load average over 5 minutes {loads[-1]:.1f}",
                file=sys.stderr,
                flush=True,
            )
        site = work / "site"
        index = gzip.compress((site / "search" / "search_index.json").read_bytes(), 9)
        page = gzip.compress((site / "wards" / "ward-0001" / "index.html").read_bytes(), 9)
        # What the finder adds: its script on every page, its data when a resident uses it.
        finder_js = gzip.compress((site / "assets" / "finder.js").read_bytes(), 9)
        finder_data = gzip.compress((site / "data" / "finder.json").read_bytes(), 9)
        return {
            "wards": count,
            "full": median(runs["full"].seconds for runs in sets),
            "alone": median(runs["alone"].seconds for runs in sets),
            "plain": median(runs["plain"].seconds for runs in sets),
            "ratio": median(runs["full"].seconds / runs["alone"].seconds for runs in sets),
            "plain_ratio": median(runs["full"].seconds / runs["plain"].seconds for runs in sets),
            "unwrapped": median(runs["unwrapped"].seconds for runs in sets),
            "unwrapped_ratio": median(
                runs["full"].seconds / runs["unwrapped"].seconds for runs in sets
            ),
            "cpu_ratio": median(runs["full"].cpu / runs["alone"].cpu for runs in sets),
            "peak": max(runs["full"].peak for runs in sets),
            "index_kb": len(index) / 1024,
            "page_kb": len(page) / 1024,
            "finder_js_kb": len(finder_js) / 1024,
            "finder_data_kb": len(finder_data) / 1024,
            "load": median(loads),
        }


def table(results: list[dict[str, float]]) -> str:
    lines = [
        "| wards | full build | per ward | MkDocs alone | ratio | processor time ratio "
        "| plain Material site | ratio | unwrapped | ratio | peak memory | search index (gzip) "
        "| per ward | ward page (gzip) | finder script / data (gzip) | load average |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['wards']:.0f} | {r['full']:.1f} s | {1000 * r['full'] / r['wards']:.0f} ms "
            f"| {r['alone']:.1f} s | {r['ratio']:.2f} | {r['cpu_ratio']:.2f} "
            f"| {r['plain']:.1f} s | {r['plain_ratio']:.2f} "
            f"| {r['unwrapped']:.1f} s | {r['unwrapped_ratio']:.2f} | {r['peak']:.0f} MB "
            f"| {r['index_kb']:.0f} KB | {r['index_kb'] / r['wards']:.2f} KB "
            f"| {r['page_kb']:.1f} KB "
            f"| {r['finder_js_kb']:.1f} KB / {r['finder_data_kb']:.1f} KB | {r['load']:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 300, 700, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="sets of builds per size")
    args = parser.parse_args()
    started = time.time()
    results = [run(count, args.repeat) for count in args.sizes]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(
        f"Benchmark on {date.today().isoformat()} ({machine}); "
        f"median of {args.repeat} sets; took {time.time() - started:.0f} s.\nTargets: {TARGETS}.\n"
    )
    print(table(results))


if __name__ == "__main__":
    main()
