"""Site-wide settings that differ from borough to borough."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    site_name: str
    borough: str
    site_url: str

    def page_url(self, path: str) -> str:
        """An absolute address for a path under the site root, keeping any sub-path."""
        return self.site_url.rstrip("/") + "/" + path.lstrip("/")
