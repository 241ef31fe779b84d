"""Partial dates for timelines: '2025', '2025-05' or '2025-05-15', maybe approximate.

They sort by the start of their period, so '2025-05' comes before '2025-05-01':
an event known only to the month is placed at the head of that month."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    year: int
    month: int = 0  # 0: unknown
    day: int = 0  # 0: unknown
    approximate: bool = False

    @classmethod
    def parse(cls, text: str, approximate: bool = False) -> PartialDate:
        """Raise ValueError for anything but a real YYYY, YYYY-MM or YYYY-MM-DD."""
        match = PATTERN.match(text.strip())
        if not match:
            raise ValueError(text)
        year, month, day = (int(part) if part else 0 for part in match.groups())
        if year < 1 or (month and not 1 <= month <= 12):  # there was no year 0
            raise ValueError(text)
        if day:
            dt.date(year, month, day)  # raises for 2025-02-30
        return cls(year, month, day, approximate)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)

    def label(self) -> str:
        """'15 May 2025', 'May 2025', '2025'; 'c. ' in front when approximate."""
        if self.day:
            text = f"{self.day} {calendar.month_name[self.month]} {self.year}"
        elif self.month:
            text = f"{calendar.month_name[self.month]} {self.year}"
        else:
            text = str(self.year)
        return f"c. {text}" if self.approximate else text

    def timelinejs(self) -> dict[str, str]:
        """A TimelineJS date object: only the parts that are known."""
        parts = {"year": str(self.year)}
        if self.month:
            parts["month"] = str(self.month)
        if self.day:
            parts["day"] = str(self.day)
        return parts
