"""The forms of the Office for National Statistics' codes the data carries, declared once
for the ward files, the postcode table and the boundaries."""

from __future__ import annotations

import re

# A ward (entity E05 in England, W05, S05 or N05 elsewhere) and a council: a letter and
# eight ASCII digits (Python's \d would take any script's digits).
WARD_CODE = re.compile(r"[EWSN]05[0-9]{6}")
COUNCIL_CODE = re.compile(r"[EWSN][0-9]{8}")
WARD_CODE_EXAMPLE = "E05009319"
COUNCIL_CODE_EXAMPLE = "E09000030"  # Tower Hamlets
