"""Publishing a build: never half a site, never two builds writing at once."""

from __future__ import annotations

import fcntl
import sys
from pathlib import Path

import pytest

from wardpanels import publish

WRITE = [
    sys.executable,
    "-c",
    "import sys, pathlib; d = pathlib.Path(sys.argv[-1]); "
    "d.mkdir(); (d / 'index.html').write_text('new')",
]
FAIL = [sys.executable, "-c", "import sys; sys.exit(1)"]


def published(tmp_path: Path, text: str = "old") -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(text)
    return site


def test_a_build_that_succeeds_replaces_the_site_and_leaves_nothing_beside_it(tmp_path):
    site = published(tmp_path)
    assert publish.publish(site, WRITE) == 0
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_a_failed_build_leaves_the_last_site_and_exits_1(tmp_path, capsys):
    site = published(tmp_path)
    assert publish.publish(site, FAIL) == 1
    assert (site / "index.html").read_text() == "old"
    assert not (tmp_path / "site.tmp").exists()
    assert "The build failed, so site/ was left as it was." in capsys.readouterr().err


def test_a_site_folder_in_a_folder_that_is_not_there_is_a_plain_error(tmp_path, capsys):
    assert publish.publish(tmp_path / "missing" / "site", WRITE) == 1
    assert "There is no folder" in capsys.readouterr().err


def test_a_second_build_at_the_same_time_says_one_is_running_and_exits_1(tmp_path, capsys):
    site = published(tmp_path)
    with (tmp_path / ".site.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert publish.publish(site, WRITE) == 1
    assert "Another build is publishing site/ now" in capsys.readouterr().err
    assert (site / "index.html").read_text() == "old"


def test_the_swap_is_one_step_so_the_site_is_always_there(tmp_path):
    site = published(tmp_path)
    fresh = tmp_path / "site.tmp"
    fresh.mkdir()
    (fresh / "index.html").write_text("new")
    publish.swap_in(fresh, site)
    assert (site / "index.html").read_text() == "new"
    assert (fresh / "index.html").read_text() == "old"


def test_a_stop_between_the_two_renames_is_put_right_by_the_next_build(tmp_path, monkeypatch):
    site = published(tmp_path)
    fresh = tmp_path / "site.tmp"
    fresh.mkdir()

    def no_exchange(first: Path, second: Path) -> None:
        raise OSError("this file system cannot swap folders")

    real_rename = Path.rename

    def stop_after_first(self: Path, target):
        real_rename(self, target)
        if Path(target).name == "site.old":
            raise KeyboardInterrupt  # the machine stops here

    monkeypatch.setattr(publish, "_exchange", no_exchange)
    monkeypatch.setattr(Path, "rename", stop_after_first)
    with pytest.raises(KeyboardInterrupt):
        publish.swap_in(fresh, site)
    monkeypatch.setattr(Path, "rename", real_rename)
    assert not site.exists()
    publish.recover(site)
    assert (site / "index.html").read_text() == "old"
    assert not (tmp_path / "site.old").exists()


@pytest.mark.parametrize("name", ["site.tmp", "site.old", "site", ".site.lock"])
def test_a_link_by_a_name_publishing_uses_is_never_followed(name, tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("kept")
    project = tmp_path / "project"
    project.mkdir()
    (project / name).symlink_to(outside / ("keep.txt" if name == ".site.lock" else ""))
    assert publish.publish(project / "site", WRITE) == 1
    assert "run this again" in capsys.readouterr().err
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]
    assert (outside / "keep.txt").read_text() == "kept"


def test_a_plain_file_named_site_tmp_is_a_plain_error(tmp_path, capsys):
    site = published(tmp_path)
    (tmp_path / "site.tmp").write_text("mine")
    assert publish.publish(site, WRITE) == 1
    assert "site.tmp is not a folder this command made" in capsys.readouterr().err
    assert (tmp_path / "site.tmp").read_text() == "mine"


def test_a_full_disk_while_putting_the_build_in_place_is_a_plain_error(
    tmp_path, capsys, monkeypatch
):
    site = published(tmp_path)

    def full(fresh: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish, "swap_in", full)
    assert publish.publish(site, WRITE) == 1
    assert "(No space left on device), so site/ was left as it was" in capsys.readouterr().err
    assert (site / "index.html").read_text() == "old"


def test_a_folder_that_cannot_be_written_is_a_plain_error(tmp_path, capsys, monkeypatch):
    site = published(tmp_path)

    def read_only(*arguments: object, **options: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(publish.os, "open", read_only)
    assert publish.publish(site, WRITE) == 1
    assert ".site.lock cannot be made here (Permission denied)" in capsys.readouterr().err


def test_the_folder_it_runs_in_is_never_published_over(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "keep.txt").write_text("kept")
    assert publish.publish(Path("."), WRITE) == 1
    assert "holds this folder" in capsys.readouterr().err
    assert (tmp_path / "keep.txt").read_text() == "kept"


@pytest.mark.parametrize("folder", ["wards", "site_src"])
def test_a_folder_of_the_projects_own_files_is_never_published_over(folder, tmp_path, capsys):
    data = tmp_path / folder
    data.mkdir()
    (data / "elm-east.yml").write_text("name: Elm East\n")
    assert publish.publish(data, WRITE) == 1
    assert f"{folder}/ holds files but no index.html, so it is not a built site" in (
        capsys.readouterr().err
    )
    assert (data / "elm-east.yml").read_text() == "name: Elm East\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]


def test_an_empty_folder_is_published_into(tmp_path):
    (tmp_path / "site").mkdir()
    assert publish.publish(tmp_path / "site", WRITE) == 0
    assert (tmp_path / "site" / "index.html").read_text() == "new"
