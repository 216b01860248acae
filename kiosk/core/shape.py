"""The shape of an exhibit as navigation sees it: counts and ids, no content."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.model import Exhibit


@dataclass(frozen=True)
class Shape:
    stop_ids: tuple[str, ...]
    image_counts: tuple[int, ...]
    """Per stop, what zoom can open: its pictures, then its film clips, recordings and quotations."""
    languages: tuple[str, ...]
    slide_count: int = 1

    @property
    def stop_count(self) -> int:
        return len(self.stop_ids)

    @classmethod
    def of(cls, exhibit: Exhibit) -> Shape:
        return cls(
            stop_ids=tuple(stop.id for stop in exhibit.stops),
            image_counts=tuple(len(stop.images) + len(stop.media) for stop in exhibit.stops),
            languages=exhibit.language_codes,
            slide_count=max(1, len(list(exhibit.attract_images()))),
        )
