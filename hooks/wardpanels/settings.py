"""Site-wide settings that differ from borough to borough."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    site_name: str
    borough: str
    site_url: str
    repository: str | None = None  # e.g. https://github.com/owner/repo, for "Edit this page"
    branch: str = "main"

    def page_url(self, path: str) -> str:
        """An absolute address for a path under the site root, keeping any sub-path."""
        return self.site_url.rstrip("/") + "/" + path.lstrip("/")

    def edit_url(self, path: str) -> str | None:
        """Where an editor changes the file at `path` in the repository, if one is set."""
        if not self.repository:
            return None
        return f"{self.repository.rstrip('/')}/edit/{self.branch}/{path}"
