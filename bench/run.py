"""`make bench`: how long the site takes to build at 20, 300 and 1000 wards.

For each size it builds the whole site in pairs of fresh processes: once as usual, and
once as MkDocs alone, from the same generated pages written out as plain files with the
hooks turned off. The ratio of the two is what the ward panel code costs on top of
MkDocs and Material. It also reports peak memory and the gzipped sizes residents and
search download.

    .venv/bin/python bench/run.py [--sizes 20 300 1000] [--repeat 3]
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
    "ratio <= 1.15 at 300 and 1000 wards; 1000 wards <= 30 s; ward page <= 12 KB; "
    "search index <= 1 KB a ward; peak memory <= 500 MB"
)


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


def baseline_config(work: Path) -> Path:
    """mkdocs.yml without the hooks, reading the generated pages as ordinary files."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\n(hooks|watch):\n(  - .*\n)+", "\n", text)
    text = text.replace("docs_dir: site_src", f"docs_dir: {work / 'docs'}")
    text = text.replace("custom_dir: theme_overrides", f"custom_dir: {ROOT / 'theme_overrides'}")
    text += "\nnot_in_nav: |\n  /wards/*.md\n"
    config = work / "mkdocs-baseline.yml"
    config.write_text(text, encoding="utf-8")
    return config


def write_generated(work: Path, env: dict[str, str]) -> None:
    """The generated pages and feeds as files, exactly as the hooks would hand them over."""
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from wardpanels.clock import build_time\n"
        "from wardpanels.site import Sources, load_site\n"
        "from wardpanels.outputs import render_site\n"
        "from wardpanels.settings import Settings\n"
        "root, wards, glossary, out = map(Path, sys.argv[1:])\n"
        "site = load_site(Sources(root, wards, glossary), build_time())\n"
        "settings = Settings('Ward panels', 'Tower Hamlets', 'https://wardpanels.example.org/')\n"
        "for path, content in render_site(site, settings).items():\n"
        "    target = out / path\n"
        "    target.parent.mkdir(parents=True, exist_ok=True)\n"
        "    (target.write_bytes if isinstance(content, bytes) else target.write_text)(content)\n"
    )
    docs = work / "docs"
    shutil.copytree(ROOT / "site_src", docs)
    subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(ROOT),
            str(work / "wards"),
            str(ROOT / "glossary"),
            str(docs),
        ],
        env=env,
        check=True,
    )


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
        }
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
        full_build = [*mkdocs, "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(work / "site")]
        write_generated(work, env)
        alone_build = [*mkdocs, "-f", str(baseline_config(work)), "-d", str(work / "baseline")]
        # On a shared machine a slow spell can last a whole build. So the two builds run
        # in pairs, one straight after the other and taking turns to go first; each ratio
        # is taken within a pair, and each figure is the median of `repeat` pairs.
        pairs = []
        for turn in range(repeat):
            if turn % 2:
                alone = measured(alone_build, env)
                full = measured(full_build, env)
            else:
                full = measured(full_build, env)
                alone = measured(alone_build, env)
            pairs.append((full, alone))
            print(
                f"{count} wards, pair {turn + 1}: full {full.seconds:.1f} s, "
                f"MkDocs alone {alone.seconds:.1f} s, ratio {full.seconds / alone.seconds:.2f}",
                file=sys.stderr,
                flush=True,
            )
        site = work / "site"
        index = gzip.compress((site / "search" / "search_index.json").read_bytes(), 9)
        page = gzip.compress((site / "wards" / "ward-0001" / "index.html").read_bytes(), 9)
        return {
            "wards": count,
            "full": median(full.seconds for full, _ in pairs),
            "alone": median(alone.seconds for _, alone in pairs),
            "ratio": median(full.seconds / alone.seconds for full, alone in pairs),
            "cpu_ratio": median(full.cpu / alone.cpu for full, alone in pairs),
            "peak": max(full.peak for full, _ in pairs),
            "index_kb": len(index) / 1024,
            "page_kb": len(page) / 1024,
        }


def table(results: list[dict[str, float]]) -> str:
    lines = [
        "| wards | full build | per ward | MkDocs alone | ratio | processor time ratio "
        "| peak memory | search index (gzip) | per ward | ward page (gzip) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['wards']:.0f} | {r['full']:.1f} s | {1000 * r['full'] / r['wards']:.0f} ms "
            f"| {r['alone']:.1f} s | {r['ratio']:.2f} | {r['cpu_ratio']:.2f} "
            f"| {r['peak']:.0f} MB "
            f"| {r['index_kb']:.0f} KB | {r['index_kb'] / r['wards']:.2f} KB "
            f"| {r['page_kb']:.1f} KB |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 300, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="pairs of builds per size")
    args = parser.parse_args()
    started = time.time()
    results = [run(count, args.repeat) for count in args.sizes]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(
        f"Benchmark on {date.today().isoformat()} ({machine}); "
        f"median of {args.repeat} pairs; took {time.time() - started:.0f} s.\nTargets: {TARGETS}.\n"
    )
    print(table(results))


if __name__ == "__main__":
    main()
