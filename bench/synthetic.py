"""Synthetic ward files that follow the data contract, for the benchmark.

Each ward is as full as a busy real one: councillors, a police team, four priorities
(one achieved), three "You said, we did" reports and six meetings a year over two years.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

AREAS = ["Market", "Road", "Estate", "Park", "Street", "Square", "Lane", "Gardens"]
VENUES = ["Library", "Community Centre", "Idea Store", "Tenants' Hall", "Church Hall"]


def ward_yaml(number: int, rng: random.Random) -> str:
    name = f"Ward {number:04d}"
    start = date(2026, 1, 14)
    meetings = []
    for index in range(12):
        day = start + timedelta(days=61 * index + rng.randint(0, 6))
        hour = rng.choice([10, 14, 18, 19])
        venue = rng.choice(VENUES)
        meetings.append(
            f"  - id: meeting-{index}\n    date: {day.isoformat()}\n"
            f"    start: {hour:02d}:00\n    end: {hour + 1:02d}:30\n"
            f"    venue:\n      name: {venue} {number}\n      address: {index} Example Road, London\n"
            f"      postcode: E1 {rng.randint(1, 9)}AA\n      access: Step-free entrance; hearing loop\n"
            f"    agenda: [Minutes, Police update, Review of priorities]\n"
            + (
                "    attendance:\n      police: [sergeant, dwo]\n      partners: [councillor]\n"
                "      residents: 12\n"
                if day < date(2026, 11, 1)
                else ""
            )
        )
    return f"""# yaml-language-server: $schema=ward.schema.json
name: {name}
gss_code: E05{number:06d}
summary: >
  Streets around the {rng.choice(AREAS).lower()} and the estates to the north of it,
  with two parks and a busy high street.
areas: [{", ".join(f"{name} {area}" for area in rng.sample(AREAS, 4))}]
councillors:
  - name: Councillor A{number}
  - name: Councillor B{number}
sample: true
panel:
  contact:
    email: ward{number}.panel@example.org
    phone: 020 7946 {number % 10000:04d}
  join: >
    Anyone who lives or works in the ward can come to a meeting. To join the
    panel, email the secretary.
  roles:
    - role: chair
    - role: vice-chair
    - role: secretary
team:
  email: ward{number}.snt@example.org
  officers: [{{role: sergeant}}, {{role: dwo}}, {{role: dwo}}, {{role: pcso}}]
priorities:
  - id: violence
    title: Reducing violence in public places
    set_by: police
    agreed: 2026-04-01
    review: 2026-12-09
  - id: drugs
    title: Drug dealing near the {rng.choice(AREAS).lower()} in the evenings
    agreed: 2026-03-11
    review: 2026-12-09
    detail: Residents report dealing after dark. Success means fewer reports in six months.
  - id: speeding
    title: Speeding on the main road by the school
    agreed: 2026-06-17
    review: 2027-01-13
  - id: fly-tipping
    title: Fly-tipping behind the shops
    agreed: 2025-09-10
    status: achieved
    closed_on: 2026-06-17
    outcome: Cameras fitted; reports fell from 30 a month to 4.
feedback:
  - {{date: 2026-09-16, priority: drugs, you_said: Dealing after 4pm., we_did: Extra patrols; two arrests., by: police}}
  - {{date: 2026-06-17, priority: fly-tipping, we_did: Cameras fitted and weekly clearance., by: council}}
  - {{date: 2026-03-11, we_did: Leaflets about the panel delivered to every home., by: panel}}
meetings:
{"".join(meetings)}"""


def write_wards(folder: Path, count: int, seed: int = 1) -> None:
    """`count` ward files in `folder`, the same every time for the same seed."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        (folder / f"ward-{number:04d}.yml").write_text(ward_yaml(number, rng), encoding="utf-8")
