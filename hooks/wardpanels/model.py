"""The one declaration of ward panel data: validation, typed objects and the JSON Schema.

Every rule an editor can break is written once, here. Pydantic turns it into checks, into
the typed objects the pages are rendered from, and into `wards/ward.schema.json`, which
VS Code uses to complete fields and flag mistakes as people type.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .clock import FIRST_YEAR, LAST_YEAR, LONDON
from .i18n import Message
from .i18n import lazy as _
from .lookalike import mixed_word, skeleton
from .markup import LINE_LEAD
from .ons_codes import WARD_CODE, WARD_CODE_EXAMPLE
from .postcodes import normalise as normalise_postcode

# [0-9], not \d: Python and the schema's validators read \d as any script's digits.
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A plain email address: no "?" (it would add recipients or headers to a mailto: link).
_ADDRESS = r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+"
# Written without needless escapes, so that JavaScript validators (Ajv, in ECMA-262's
# unicode mode) compile the same patterns as Python does.
# The site's name in an http(s) address holds no "@": one before it would make the words
# before it a user name, and the link lead elsewhere.
LINK_PATTERN = (
    "^(https?://[^\\s<>\"'`/?#@\\\\]+(?:[/?#][^\\s<>\"'`]*)?|mailto:"
    + _ADDRESS
    + "|tel:\\+?[0-9][0-9-]*)$"
)
EMAIL_PATTERN = "^" + _ADDRESS + "$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ()-]*[0-9]$"
GSS_PATTERN = f"^{WARD_CODE.pattern}$"
POSTCODE_PATTERN = r"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$"
# A translation's fingerprint of its English: eight letters, which unquoted YAML can never
# read as a number (as 00012345 or 3e100000 would be), so editors write it as it is.
FINGERPRINT = r"^[a-z]{8}$"

# What each pattern means, for the error an editor sees when a value does not match it.
PATTERN_HINTS = {
    SLUG_PATTERN: "use lower-case letters, numbers and single hyphens, like 'roman-road-drugs'",
    LINK_PATTERN: (
        "a link must start with https://, http://, mailto: or tel:, "
        "with no spaces, quotes or angle brackets, and a mailto: link holds just an address"
    ),
    EMAIL_PATTERN: "this is not a plain email address, like name@example.org",
    PHONE_PATTERN: "a phone number holds only digits, spaces, brackets, '-' and a leading '+'",
    GSS_PATTERN: f"an ONS ward code is E05 followed by six digits, like {WARD_CODE_EXAMPLE}",
    POSTCODE_PATTERN: "this is not a UK postcode, like E3 2AA",
    FINGERPRINT: (
        "write the eight lower-case letters 'wardpanels validate' gives for the English, "
        "like qhmtwbcz"
    ),
}


def described(title: str, description: str, example: Any = None, **kwargs: Any) -> Any:
    """A field with the title, description and example the JSON Schema shows editors."""
    examples = None if example is None else [example]
    return Field(title=title, description=description, examples=examples, **kwargs)


def _problem(message: str, **context: Any) -> PydanticCustomError:
    """An error in plain words; `field` in the context points it at one field of the object.
    A long value is cut, so the message stays a line an editor reads."""
    shown = {name: shortened(v) if isinstance(v, str) else v for name, v in context.items()}
    return PydanticCustomError("wardpanels", message, shown or None)


SHOWN = 100  # the most of a value a message repeats: the line and column find the rest


def shortened(text: str) -> str:
    """A value as a one-line message can repeat it: long ones cut, with '...' at the cut."""
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


def _in_ascii_digits(value: str, pattern: str, kind: str) -> None:
    """Refuse a date or time typed in other digits (২০২৬, ２０２６), saying how to write it."""
    if value.isascii():
        return
    digits = "".join(str(unicodedata.digit(char, char)) for char in value)
    if re.match(pattern, digits):
        raise _problem(
            "write {kind} with the digits 0 to 9: for {given}, write {suggested}",
            kind=kind,
            given=value,
            suggested=digits,
        )


def _read_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise _problem("write the date as YYYY-MM-DD, like 2026-03-11")
    _in_ascii_digits(value, DATE_PATTERN, "dates")
    if not re.match(DATE_PATTERN, value):
        british = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", value.strip())
        if british:
            day, month, year = (int(part) for part in british.groups())
            raise _problem(
                "write dates as YYYY-MM-DD: for {given}, write {suggested}",
                given=value,
                suggested=f"{year:04d}-{month:02d}-{day:02d}",
            )
        raise _problem(
            "'{given}' is not a date; write it as YYYY-MM-DD, like 2026-03-11", given=value
        )
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise _problem("{given} is not a real date", given=value) from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise _problem(
            "the year in {given} cannot be right{hint}", given=value, hint=_year_hint(parsed)
        )
    return parsed


def _year_hint(day: date) -> str:
    """`: did you mean 2026-12-10?` for a year typed short or with a digit too many."""
    candidates = [2000 + day.year % 100] if day.year < 100 else []
    text = str(day.year)
    candidates += [int(text[:4]), int(text[-4:])] if len(text) > 4 else []
    for year in candidates:
        if FIRST_YEAR <= year <= LAST_YEAR:
            try:
                return f": did you mean {day.replace(year=year).isoformat()}?"
            except ValueError:
                continue
    return f"; write a year from {FIRST_YEAR} to {LAST_YEAR}, like 2026"


def _read_time(value: Any) -> time:
    if isinstance(value, time):
        return value
    given = str(value).strip()
    _in_ascii_digits(given, TIME_PATTERN, "times")
    if isinstance(value, str) and re.match(TIME_PATTERN, given):
        return time.fromisoformat(given)
    clock = re.match(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?$", given, re.IGNORECASE)
    if clock and 1 <= int(clock[1]) <= 12:
        hour = int(clock[1]) % 12 + (12 if clock[3].lower() == "p" else 0)
        suggested = f"{hour:02d}:{clock[2] or '00'}"
        raise _problem(
            "write times on the 24-hour clock as HH:MM: for {given}, write {suggested}",
            given=given,
            suggested=suggested,
        )
    short = re.match(r"^(\d):([0-5]\d)$", given)
    if short:
        raise _problem(
            "write times as HH:MM with two digits for the hour: "
            "{morning} in the morning or {evening} in the evening",
            morning=f"0{short[1]}:{short[2]}",
            evening=f"{int(short[1]) + 12}:{short[2]}",
        )
    raise _problem(
        "'{given}' is not a time; write it on the 24-hour clock as HH:MM, like 19:00", given=given
    )


def _unambiguous_in_london(day: date, moment: time) -> bool:
    """False for a wall-clock time that happens twice (October) or never (March) in London."""
    first = datetime.combine(day, moment, tzinfo=LONDON)
    second = first.replace(fold=1)
    round_trip = first.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None)
    return first.utcoffset() == second.utcoffset() and round_trip == first.replace(tzinfo=None)


Date = Annotated[
    date,
    BeforeValidator(_read_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
Time = Annotated[
    time,
    BeforeValidator(_read_time),
    WithJsonSchema({"type": "string", "pattern": TIME_PATTERN}),
]


def _one_alphabet(value: str) -> str:
    """Refuse a word made of Latin letters and another alphabet's look-alikes."""
    mixed = mixed_word(value)
    if mixed is not None:
        raise _problem(
            "'{word}' mixes {alphabet} letters, which can look the same; "
            "retype it on an English keyboard",
            word=mixed[0],
            alphabet=mixed[1],
        )
    return value


# One line of text: a name or title written over several lines in YAML reads as one line.
Text = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
    AfterValidator(lambda value: " ".join(value.split())),
    AfterValidator(_one_alphabet),
]
# Markdown links to a page of this site or to an anchor cannot be checked from a ward
# file, and a strict build refuses those it cannot resolve: so editors write full
# addresses, and every address is held to the rules of a link field. A link's target is
# found from its "](" alone, so the search is linear however the brackets are arranged
# (a pattern from "[" to ")" backtracks for minutes on "[x](" written 600 times); a link
# reference definition ("[name]: address", its address maybe on the next line) is
# refused, as it hides where a link goes. Emphasis, and lists and quotes, nested hundreds
# deep would overflow Python-Markdown's stack; thousands of brackets would take it minutes.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(rf"^{LINE_LEAD}\[[^\[\]\n]*\]:", re.MULTILINE)
_NESTING = re.compile(r"[ \t]*(?:>|[-*+]|\d+[.)])(?=[ \t]|$)")
MAX_EMPHASIS = 100
MAX_BRACKETS = 100  # Python-Markdown takes seconds over thousands of "[" (18 s for "![")
MAX_NESTING = 8
MAX_RESIDENTS = 10_000  # more came to no ward panel: a slip of the keyboard


def _nesting(line: str) -> int:
    """How deep a line nests lists and quotes: its markers, and its indentation in fours."""
    indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
    depth, position = indent // 4, 0
    while found := _NESTING.match(line, position):
        depth, position = depth + 1, found.end()
    return depth


def _checked_markdown(value: str) -> str:
    opened, closed = value.find("["), value.rfind(")")
    for found in _LINK_TARGET.finditer(value):
        target = found[1]
        if not target or not 0 <= opened < found.start() or found.end() > closed:
            continue  # no "[" before it or no ")" after it: not a link
        if target.startswith(("//", "\\\\")):
            raise _problem(
                "the link '{target}' leaves out how it is reached (https:); write the full "
                "address, starting https://",
                target=target,
            )
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target):
            raise _problem(
                "the link '{target}' points inside this site, which a ward file cannot check; "
                "write the page's full address, starting https://",
                target=target,
            )
        _checked_link(target)  # other schemes keep their words and lose the link (SafeLinks)
        if target.lower().startswith(("mailto:", "tel:")) and not re.match(LINK_PATTERN, target):
            raise _problem(  # a mailto: that adds recipients (cc, bcc) or prepared text
                "the link '{target}': " + PATTERN_HINTS[LINK_PATTERN], target=target
            )
    if _REFERENCE.search(value):
        raise _problem(
            "a line starting '[name]:' defines a link to use elsewhere, which hides where it "
            "goes; write each link where it is used, as [words](https://...)"
        )
    emphasis = value.count("*") + value.count("_")
    if emphasis > MAX_EMPHASIS:
        raise _problem(
            "this text has {count} * and _ marks; keep formatting simple, with at most {most}",
            count=emphasis,
            most=MAX_EMPHASIS,
        )
    brackets = value.count("[")
    if brackets > MAX_BRACKETS:
        raise _problem(
            "this text has {count} [ marks; a link needs one, so keep to {most} at most",
            count=brackets,
            most=MAX_BRACKETS,
        )
    depth = max(map(_nesting, value.splitlines()), default=0)
    if depth > MAX_NESTING:
        raise _problem(
            "this text nests lists or quotes {depth} deep; keep it to {most} at most",
            depth=depth,
            most=MAX_NESTING,
        )
    return _one_alphabet(value)


def markdown_links(value: str) -> set[str]:
    """The address of every link in a Markdown text."""
    return {found[1] for found in _LINK_TARGET.finditer(value) if found[1]}


Markdown = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=5000),
    AfterValidator(_checked_markdown),
]
Slug = Annotated[StrictStr, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
# Written one way everywhere (pages, JSON, CSV, calendars): `e3 2aa` becomes `E3 2AA`.
Postcode = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, pattern=POSTCODE_PATTERN),
    AfterValidator(lambda value: normalise_postcode(value) or value),
]


def link_problem(url: str) -> PydanticCustomError | None:
    """Why an address read as a URL cannot be a link for residents, if it cannot: only
    http(s), mailto: and tel:, and no user name before the site's (which makes
    `https://www.towerhamlets.gov.uk@evil.example/` lead to evil.example)."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        parts.port  # noqa: B018 - reading it checks it
    except ValueError:
        return _problem("'{url}' is not a web address that can be read", url=url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https", "mailto", "tel"):
        return _problem(
            "the link '{url}' must start with https://, http://, mailto: or tel:", url=url
        )
    if scheme in ("http", "https") and not host:
        return _problem(
            "the link '{url}' has no site's name after {scheme}://", url=url, scheme=scheme
        )
    if scheme in ("http", "https") and parts.username is not None:
        return _problem(
            "the link '{url}' has '@' before its site's name, so it would lead to {host}; "
            "write the site's own address",
            url=url,
            host=host,
        )
    return _look_alike_host(url, host or "")


def _look_alike_host(url: str, host: str) -> PydanticCustomError | None:
    """A site's name written in letters of another alphabet that look like Latin ones
    (`аррӏе.com` in Cyrillic, or its `xn--` form) leads to another site than it reads."""
    try:
        shown = ".".join(
            label.encode("ascii").decode("idna") if label.startswith("xn--") else label
            for label in host.split(".")
        )
    except UnicodeError:
        return _problem("'{url}' is not a web address that can be read", url=url)
    looks = skeleton(shown)
    if not shown.isascii() and looks.isascii():
        return _problem(
            "the link '{url}' names a site in letters that look like '{looks}' but are not; "
            "write the site's own address",
            url=url,
            looks=looks,
        )
    return None


def _checked_link(value: Any) -> Any:
    """A link read as a browser reads it; its site's name in one alphabet, as it looks."""
    if isinstance(value, str) and value.strip().lower().startswith(("http:", "https:")):
        problem = link_problem(value)
        if problem is not None:
            raise problem
        _one_alphabet(value)
    return value


Link = Annotated[
    StrictStr,
    BeforeValidator(_checked_link),
    StringConstraints(strip_whitespace=True, pattern=LINK_PATTERN),
    WithJsonSchema({"type": "string", "pattern": LINK_PATTERN}),
]
Email = Annotated[StrictStr, StringConstraints(strip_whitespace=True, pattern=EMAIL_PATTERN)]
Phone = Annotated[StrictStr, StringConstraints(strip_whitespace=True, pattern=PHONE_PATTERN)]


class Choice(StrEnum):
    """A value editors pick from a list, with the words residents read for it.

    Each member is written `NAME = "value", _("Label")` (or with a plural label too), so
    a label is declared once, beside its value, and translated like any other text.
    """

    label: Message
    plural_label: Message

    def __new__(cls, value: str, label: Message, plural: Message | None = None) -> Choice:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.plural_label = plural or label
        return member


class PanelRoleName(Choice):
    """A role on the panel."""

    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice-chair", _("Vice-chair")
    SECRETARY = "secretary", _("Secretary")
    TREASURER = "treasurer", _("Treasurer")


class PoliceRole(Choice):
    """A role in the police Safer Neighbourhood Team."""

    INSPECTOR = "inspector", _("Inspector"), _("Inspectors")
    SERGEANT = "sergeant", _("Sergeant"), _("Sergeants")
    DWO = "dwo", _("Dedicated Ward Officer (DWO)"), _("Dedicated Ward Officers (DWOs)")
    PCSO = (
        "pcso",
        _("Police Community Support Officer (PCSO)"),
        _("Police Community Support Officers (PCSOs)"),
    )


class Partner(Choice):
    """An organisation that works with the panel."""

    COUNCILLOR = "councillor", _("a councillor")
    PUBLIC_REALM = "public-realm", _("the council's Public Realm service")
    HOUSING = "housing", _("a housing provider")
    COUNCIL = "council", _("the council")
    YOUTH_SERVICE = "youth-service", _("the youth service")
    FIRE_BRIGADE = "fire-brigade", _("the fire brigade")
    HEALTH = "health", _("a health service")
    SCHOOL = "school", _("a school")
    FAITH_GROUP = "faith-group", _("a faith group")
    BUSINESS = "business", _("a local business")
    OTHER = "other", _("another partner")


class SetBy(Choice):
    """Who set a priority."""

    PANEL = "panel", _("Set by the panel")
    POLICE = "police", _("Set by the police")


class PriorityStatus(Choice):
    """Where a priority stands."""

    ACTIVE = "active", _("Current")
    ACHIEVED = "achieved", _("Achieved")
    CLOSED = "closed", _("Closed")


class DoneBy(Choice):
    """Who did what a report says was done."""

    POLICE = "police", _("the police")
    COUNCIL = "council", _("the council")
    PANEL = "panel", _("the panel")
    PARTNER = "partner", _("a partner organisation")


class MeetingStatus(Choice):
    """Whether a meeting goes ahead."""

    SCHEDULED = "scheduled", _("Going ahead")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingFormat(Choice):
    """How residents take part in a meeting."""

    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class Model(BaseModel):
    """Shared settings: unknown fields are mistakes, and values are never silently converted."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Councillor(Model):
    """A ward councillor. Councillors come to panel meetings but do not vote."""

    name: Text = described(
        "Name", "The councillor's name, as the council publishes it.", "Example Name"
    )
    url: Link | None = described(
        "Web page",
        "The councillor's page on the council website.",
        "https://democracy.towerhamlets.gov.uk/",
        default=None,
    )


class ExtraLink(Model):
    """A link to more information about the ward."""

    model_config = ConfigDict(title="Link")

    title: Text = described(
        "Link text", "What the link is, in a few words.", "Bow East on police.uk"
    )
    url: Link = described(
        "Address",
        "Where the link goes: https://, http://, mailto: or tel:.",
        "https://www.police.uk/",
    )


class Contact(Model):
    """How residents reach the panel: at least one of email, phone or web."""

    email: Email | None = described(
        "Email", "The panel's email address.", "boweast.panel@example.org", default=None
    )
    phone: Phone | None = described(
        "Phone", "A phone number residents can call.", "020 7946 0000", default=None
    )
    web: Link | None = described(
        "Web page", "A web page about the panel.", "https://example.org/", default=None
    )

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.email or self.phone or self.web):
            raise _problem(
                "give at least one of email, phone or web, so residents can reach the panel"
            )
        return self


class PanelRole(Model):
    """One of the panel's officers, or a role nobody holds yet."""

    model_config = ConfigDict(title="Panel role")

    role: PanelRoleName = described(
        "Role", "The panel role: chair, vice-chair, secretary or treasurer.", "chair"
    )
    name: Text | None = described(
        "Name",
        "The person's name. Publish a name only with their "
        "consent; leave it out to show the role alone.",
        "Example Name",
        default=None,
    )
    vacant: StrictBool = described(
        "Vacant",
        "true when nobody holds the role: the page invites residents to take it on.",
        True,
        default=False,
    )

    @model_validator(mode="after")
    def _named_or_vacant(self) -> PanelRole:
        if self.vacant and self.name:
            raise _problem(
                "a vacant role cannot have a name; remove the name or 'vacant: true'",
                field="vacant",
            )
        return self


class Panel(Model):
    """The ward panel: how to reach it, how to join, and who its officers are."""

    contact: Contact = described(
        "Contact", "How residents reach the panel: at least one of email, phone or web."
    )
    join: Markdown = described(
        "How to join",
        "Who can join the panel and how, in plain English (Markdown).",
        "Anyone who lives or works in the ward can join. Email the secretary.",
    )
    survey: Link | None = described(
        "Online survey",
        "An online survey for residents who cannot come to meetings (a 'virtual ward panel').",
        "https://example.org/survey",
        default=None,
    )
    roles: list[PanelRole] = described(
        "Roles", "The panel's officers: chair, vice-chair, secretary, treasurer.", default=[]
    )


class Officer(Model):
    """A member of the police Safer Neighbourhood Team, by role."""

    model_config = ConfigDict(title="Police officer")

    role: PoliceRole = described(
        "Role",
        "inspector, sergeant, dwo (Dedicated Ward Officer) or "
        "pcso (Police Community Support Officer).",
        "dwo",
    )
    name: Text | None = described(
        "Name", "The officer's name, if the police publish it.", "PC Example", default=None
    )


class Team(Model):
    """The police Safer Neighbourhood Team for the ward."""

    model_config = ConfigDict(title="Police team")

    email: Email | None = described(
        "Email", "The team's official email address.", "boweast.snt@met.police.uk", default=None
    )
    phone: Phone | None = described(
        "Phone", "The team's phone number.", "020 7946 0001", default=None
    )
    web: Link | None = described(
        "Web page",
        "The ward's page on police.uk or met.police.uk.",
        "https://www.met.police.uk/",
        default=None,
    )
    officers: list[Officer] = described(
        "Officers", "The officers in the team, by role.", default=[]
    )


class Priority(Model):
    """Something the panel asked the police and partners to work on."""

    id: Slug = described(
        "Identifier",
        "A short name for the priority, unique in the ward and "
        "never reused: lower case and hyphens.",
        "roman-road-drugs",
    )
    title: Text = described(
        "Title",
        "What the priority is, specific enough to measure.",
        "Drug dealing around Roman Road market",
    )
    set_by: SetBy = described(
        "Set by",
        "panel for a local priority the panel agreed; police for the borough's violence priority.",
        "panel",
        default=SetBy.PANEL,
    )
    agreed: Date = described("Date agreed", "The date the panel agreed the priority.", "2026-01-14")
    review: Date | None = described(
        "Next review", "The date the priority is next reviewed.", "2026-03-11", default=None
    )
    status: PriorityStatus = described(
        "Status",
        "active while the panel works on it; achieved or closed when it ends.",
        "active",
        default=PriorityStatus.ACTIVE,
    )
    closed_on: Date | None = described(
        "Date ended",
        "The date it was achieved or closed. Required when the status is achieved or closed.",
        "2026-05-20",
        default=None,
    )
    detail: Markdown | None = described(
        "Detail",
        "Why it matters, the evidence, and what success looks like (Markdown).",
        "Residents report dealing near the market on weekdays.",
        default=None,
    )
    outcome: Markdown | None = described(
        "Outcome",
        "What happened, once achieved or closed (Markdown).",
        "Reports fell by half over six months.",
        default=None,
    )

    @model_validator(mode="after")
    def _dates_agree(self) -> Priority:
        ended = self.status in ("achieved", "closed")
        if ended and self.closed_on is None:
            raise _problem(
                "a priority that is {status} needs 'closed_on:', the date it ended",
                status=self.status,
                field="status",
            )
        if not ended and self.closed_on is not None:
            raise _problem(
                "only an achieved or closed priority has 'closed_on:'; remove it "
                "or change the status",
                field="closed_on",
            )
        if self.closed_on and self.closed_on < self.agreed:
            raise _problem(
                "the priority ended ({closed}) before it was agreed ({agreed})",
                closed=self.closed_on.isoformat(),
                agreed=self.agreed.isoformat(),
                field="closed_on",
            )
        if self.review and self.review < self.agreed:
            raise _problem(
                "the review date ({review}) is before the date agreed ({agreed})",
                review=self.review.isoformat(),
                agreed=self.agreed.isoformat(),
                field="review",
            )
        return self


class Feedback(Model):
    """A "You said, we did" report: what residents raised and what was done."""

    model_config = ConfigDict(title="You said, we did")

    date: Date = described(
        "Date", "The date this was reported back, usually a meeting date.", "2026-03-11"
    )
    priority: Slug | None = described(
        "Priority",
        "The id of the priority this is about, from this ward's priorities.",
        "roman-road-drugs",
        default=None,
    )
    you_said: Markdown | None = described(
        "You said",
        "What residents raised (Markdown).",
        "Dealing near the market stalls after 4pm.",
        default=None,
    )
    we_did: Markdown = described(
        "We did",
        "What was done and what came of it (Markdown).",
        "Extra patrols from 3pm to 7pm; two arrests.",
    )
    by: DoneBy | None = described(
        "Done by", "Who did it: police, council, panel or partner.", "police", default=None
    )


class Venue(Model):
    """Where a meeting takes place."""

    name: Text = described("Name", "The name of the place.", "Roman Road Library")
    address: Text = described("Address", "The street address.", "1 Example Road, London")
    postcode: Postcode | None = described(
        "Postcode", "The postcode, for maps and directions.", "E3 2AA", default=None
    )
    access: Text | None = described(
        "Access",
        "Step-free access, hearing loop, toilets and anything else visitors should know.",
        "Step-free entrance; hearing loop",
        default=None,
    )


class Attendance(Model):
    """Who came to a meeting, recorded afterwards."""

    police: list[PoliceRole] = described(
        "Police", "Which police roles attended.", ["sergeant", "dwo"], default=[]
    )
    partners: list[Partner] = described(
        "Partners", "Which partners attended.", ["councillor", "public-realm"], default=[]
    )
    residents: Annotated[StrictInt, Field(ge=0, le=MAX_RESIDENTS)] | None = described(
        "Residents", "How many residents came.", 14, default=None
    )


class Meeting(Model):
    """A panel meeting, planned or past."""

    date: Date = described("Date", "The meeting date.", "2026-03-11")
    start: Time = described("Start", "Start time, 24-hour clock, London time.", "19:00")
    end: Time = described("End", "End time, 24-hour clock, London time; after the start.", "20:30")
    id: Slug | None = described(
        "Identifier",
        "Optional. Keeps the meeting's place in people's calendars when its date moves.",
        "spring-2026",
        default=None,
    )
    status: MeetingStatus = described(
        "Status",
        "scheduled, or cancelled (the meeting stays listed as cancelled).",
        "scheduled",
        default=MeetingStatus.SCHEDULED,
    )
    format: MeetingFormat = described(
        "Format",
        "in-person, online, or hybrid (both).",
        "in-person",
        default=MeetingFormat.IN_PERSON,
    )
    public: StrictBool = described(
        "Open to the public",
        "true when any resident may come; false for panel members only.",
        True,
        default=True,
    )
    venue: Venue | None = described(
        "Venue", "Where the meeting is. Required unless the meeting is online.", default=None
    )
    online: Link | None = described(
        "Online link",
        "The link to join online. Required for online and hybrid meetings.",
        "https://example.org/join",
        default=None,
    )
    note: Text | None = described(
        "Note", "A short note shown beside the meeting.", "Moved from 4 March", default=None
    )
    agenda: list[Text] = described(
        "Agenda",
        "The items to be discussed.",
        ["Minutes", "Police update", "Priorities"],
        default=[],
    )
    minutes: Link | None = described(
        "Minutes",
        "A link to the minutes, after the meeting.",
        "https://example.org/minutes.pdf",
        default=None,
    )
    attendance: Attendance | None = described(
        "Attendance", "Who came, recorded after the meeting.", default=None
    )

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.end <= self.start:
            raise _problem(
                "{end} is not after the start, {start}",
                end=self.end.strftime("%H:%M"),
                start=self.start.strftime("%H:%M"),
                field="end",
            )
        for name in ("start", "end"):
            if not _unambiguous_in_london(self.date, getattr(self, name)):
                raise _problem(
                    "{time} on {day} is in the hour the clocks change, so calendar apps "
                    "disagree about when it is; choose a time outside 1am to 2am",
                    time=getattr(self, name).strftime("%H:%M"),
                    day=self.date.isoformat(),
                    field=name,
                )
        kind = {
            MeetingFormat.IN_PERSON: "an in-person",
            MeetingFormat.ONLINE: "an online",
            MeetingFormat.HYBRID: "a hybrid",
        }
        if self.format != "online" and self.venue is None:
            raise _problem("{kind} meeting needs a venue", kind=kind[self.format], field="venue")
        if self.format != "in-person" and self.online is None:
            raise _problem(
                "{kind} meeting needs 'online:', the link to join",
                kind=kind[self.format],
                field="online",
            )
        return self


class Ward(Model):
    """One ward's panel: who runs it, what it is working on, and when it meets."""

    model_config = ConfigDict(title="Ward panel", extra="forbid", frozen=True)

    name: Text = described("Ward name", "The ward's official name.", "Bow East")
    gss_code: Annotated[StrictStr, StringConstraints(pattern=GSS_PATTERN)] | None = described(
        "ONS ward code",
        "The ward's official ONS code. The ward finder uses it to match postcodes.",
        WARD_CODE_EXAMPLE,
        default=None,
    )
    former_names: list[Text] = described(
        "Former names",
        "Names the ward had before, such as before it was renamed. The page mentions them and "
        "the ward finder finds the ward by them.",
        ["St Peter's"],
        default=[],
    )
    summary: Markdown | None = described(
        "Summary",
        "A sentence or two about the ward, in plain English (Markdown).",
        "Fish Island, Old Ford and the east of Roman Road.",
        default=None,
    )
    areas: list[Text] = described(
        "Areas",
        "Streets, estates and landmarks in the ward: search finds the ward by them.",
        ["Fish Island", "Old Ford Road"],
        default=[],
    )
    councillors: list[Councillor] = described(
        "Councillors", "The ward's councillors. They attend panels but do not vote.", default=[]
    )
    links: list[ExtraLink] = described("Links", "Other useful links.", default=[])
    sample: StrictBool = described(
        "Sample content",
        "true when the meetings and priorities are examples, not real: the page says so.",
        True,
        default=False,
    )
    panel: Panel = described("Panel", "The ward panel: contact, how to join, and its officers.")
    team: Team = described(
        "Police team", "The police Safer Neighbourhood Team for the ward.", default=Team()
    )
    priorities: list[Priority] = described("Priorities", "Current and past priorities.", default=[])
    feedback: list[Feedback] = described(
        "You said, we did", "Dated reports of what was done.", default=[]
    )
    meetings: list[Meeting] = described("Meetings", "Past and planned meetings.", default=[])


class GlossaryTerm(Model):
    """A word or short form, and what it means in plain English."""

    model_config = ConfigDict(title="Glossary term")

    term: Text = described("Term", "The word or acronym, as people see it.", "PCSO")
    stands_for: Text | None = described(
        "Stands for",
        "What an acronym stands for.",
        "Police Community Support Officer",
        default=None,
    )
    meaning: Markdown = described(
        "Meaning",
        "What it means, in plain English (Markdown).",
        "A uniformed member of police staff who works in one area.",
    )
    see_also: list[Text] = described(
        "See also", "Other terms in the glossary.", ["DWO", "SNT"], default=[]
    )
    link: Link | None = described(
        "Link", "Where to read more.", "https://www.met.police.uk/", default=None
    )
    in_text: StrictBool = described(
        "Explain in text",
        "true to explain this word wherever it appears on the site, as short forms are "
        "(its meaning's first sentence shows when a resident selects it). For words residents "
        "may not know, like 'public realm'.",
        True,
        default=False,
    )


class GlossaryFile(RootModel[list[GlossaryTerm]]):
    """A glossary file: a list of terms."""

    model_config = ConfigDict(title="Glossary", frozen=True)
