"""What a build tells its caller: `BuildReport` (the command line prints it, the preview
reloads by it, the cache keeps it for a build with nothing to do) and `RenderedSite`
(everything short of writing, for `check`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.content.model import Site
from generator.content.schedule import Held
from generator.errors import ContentError
from generator.evidence.site_check import SiteEvidence
from generator.pages.page import Page
from generator.pipeline.stages import StageTime


@dataclass(frozen=True, slots=True)
class RenderedSite:
    site: Site
    pages: tuple[Page, ...]
    warnings: tuple[ContentError, ...] = ()
    evidence: SiteEvidence | None = None


@dataclass(frozen=True, slots=True)
class BuildReport:
    pages: int
    rendered: tuple[str, ...]  # page paths rendered by this build
    written: tuple[str, ...]  # page paths whose file was (re)written
    deleted: tuple[str, ...]  # page paths whose file was removed
    seconds: float
    output_dir: Path
    base_path: str
    full: bool  # a whole new site was swapped in
    warnings: tuple[ContentError, ...] = ()
    held: Held = field(default_factory=Held)  # articles dated after the day, left out
    stages: tuple[StageTime, ...] = ()  # what each stage of this build cost
    altered: str = ""  # how the output differed from the cached build's, so made anew

    def altered_note(self) -> str:
        """Why a build with a cache made the whole site again, if it did for that: a file
        it removed without a word may have been someone's."""
        if not self.altered:
            return ""
        return (
            f"note: {self.output_dir}/ had changed since the last build ({self.altered}): "
            "it was built anew, and files a build does not make were removed"
        )

    def repeated(self, seconds: float, stages: tuple[StageTime, ...] = ()) -> BuildReport:
        """This report for a build that found nothing to do."""
        return replace(
            self,
            rendered=(),
            written=(),
            deleted=(),
            full=False,
            seconds=seconds,
            stages=stages,
            altered="",
        )
