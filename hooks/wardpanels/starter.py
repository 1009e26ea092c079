"""A starter ward file that validates as it is, with comments saying what to fill in."""

from __future__ import annotations

import json

from .text import slugify

STARTER = """\
# yaml-language-server: $schema=ward.schema.json
# A new ward. Fill in what you know; the editors' guide explains every field.
name: {name}
# gss_code: E05000000   # the ward's ONS code, if you know it
summary: >
  One or two sentences about the ward: its neighbourhoods, estates and landmarks.
areas: []   # streets, estates and landmarks, so search finds the ward by them

panel:
  contact:
    email: {slug}.wardpanel@example.org   # change to the panel's real address
  join: >
    Anyone who lives or works in the ward can come to a meeting. To join the
    panel, email the secretary.
  roles:
    - role: chair
      vacant: true
    - role: vice-chair
      vacant: true

team:
  officers: []   # the police team by role: inspector, sergeant, dwo, pcso

priorities: []
feedback: []
meetings: []
"""


def starter_ward(name: str) -> tuple[str, str]:
    """The file name and text of a new ward called `name`."""
    slug = slugify(name)
    return f"{slug}.yml", STARTER.format(name=json.dumps(name, ensure_ascii=False), slug=slug)
