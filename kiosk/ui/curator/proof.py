"""The proof sheet: every screen in every language, then what needs attention.

Rendered offscreen at the kiosk's size, so a curator can review an exhibit
without a touchscreen, on paper or on screen. Pages are labelled with the
screen and the language; the last pages list findings: long sentences and
labels, thin alt text, text clipped at any text size, contrast below target.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from kiosk.core import events as ev
from kiosk.core.diagnostics import Diagnostic
from kiosk.core.model import Exhibit, Quotation, Stop, Video
from kiosk.core.theme import HIGH_CONTRAST, NORMAL, TEXT_SIZES, contrast_ratio
from kiosk.ui.curator.layout_check import clipped_texts
from kiosk.ui.media.images import ImageStore
from kiosk.ui.runtime.controller import KioskController
from kiosk.ui.runtime.window import KioskWindow


@dataclass(frozen=True)
class Page:
    label: str
    """e.g. 'stop milluni · es'"""
    name: str
    """file-name form, e.g. '012-stop-milluni-es'"""
    image: QImage


class _Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


class Renderer:
    """Drives a real kiosk window offscreen through every screen."""

    def __init__(self, exhibit: Exhibit, size: tuple[int, int], family: str) -> None:
        self.exhibit = exhibit
        self.store = ImageStore()
        self.window = KioskWindow(self.store, family)
        self.window.resize(*size)
        self.window.show()
        self.clock = _Clock()
        self.controller = KioskController(exhibit, self.window, clock=self.clock)
        self.controller.start()
        self.controller.timer.stop()  # nothing moves unless we say so

    def close(self) -> None:
        self.controller.stop()
        self.store.wait()
        self.window.close()
        self.window.deleteLater()

    def send(self, *events: ev.Event) -> None:
        for event in events:
            self.clock.now += 1.0
            self.controller.send(event)

    def settle(self) -> None:
        for _ in range(3):
            self.store.wait()
            QApplication.processEvents()
        self.window.end_transition()

    def grab(self) -> QImage:
        self.settle()
        return self.window.grab().toImage()

    def pages(self, stops: range | None = None) -> Iterator[Page]:
        """Every screen, drawn when it is asked for: a proof of any size holds one page
        in memory at a time. ``stops``: only these (0-based) stops' screens."""
        wanted = stops if stops is not None else range(len(self.exhibit.stops))
        number = 0

        def page(label: str, slug: str) -> Page:
            nonlocal number
            number += 1
            return Page(label, f"{number:03d}-{slug}", self.grab())

        for lang in self.exhibit.language_codes:
            self.controller.machine.dispatch(ev.Recover())  # attract, defaults
            self.settle()
            yield page(f"attract · {lang}", f"attract-{lang}")
            self.send(ev.Touch(), ev.SetLanguage(lang))
            yield page(f"home · {lang}", f"home-{lang}")
            self.send(ev.OpenStop(wanted.start if wanted else 0))
            for index in wanted:
                stop = self.exhibit.stops[index]
                self.send(ev.Jump(index))
                yield page(f"stop {stop.id} · {lang}", f"stop-{stop.id}-{lang}")
                for image_index, _image in enumerate(stop.images):
                    self.send(ev.OpenImage(image_index))
                    yield page(
                        f"zoom {stop.id} image {image_index + 1} · {lang}", f"zoom-{stop.id}-{image_index + 1}-{lang}"
                    )
                    self.send(ev.CloseImage())
                yield from self._media_pages(stop, lang, page)

    def _media_pages(self, stop: Stop, lang: str, page: Callable[[str, str], Page]) -> Iterator[Page]:
        """Each film as its poster with its first caption, then its transcript; each
        recording with its transcript; each quotation as the visitor sees it."""
        panel = self.window.zoom.panel
        for offset, item in enumerate(stop.media, start=1):
            self.send(ev.OpenImage(len(stop.images) + offset - 1))
            kind = "quotation" if isinstance(item, Quotation) else "film" if isinstance(item, Video) else "recording"
            panel.proof_view(transcript=False)
            yield page(f"{kind} {stop.id} {offset} · {lang}", f"{kind}-{stop.id}-{offset}-{lang}")
            if isinstance(item, Video) and item.transcript is not None:
                panel.proof_view(transcript=True)
                yield page(f"{kind} {stop.id} {offset}, transcript · {lang}", f"{kind}-{stop.id}-{offset}-text-{lang}")
            self.send(ev.CloseImage())

    def clipping(self, stops: range | None = None) -> list[str]:
        """Every screen, language and text size, checked for clipped text."""
        wanted = stops if stops is not None else range(len(self.exhibit.stops))
        found = []
        for lang in self.exhibit.language_codes:
            for level in range(len(TEXT_SIZES)):
                self.controller.machine.dispatch(ev.Recover())
                self.send(ev.Touch(), ev.SetLanguage(lang), ev.SetTextSize(level))
                self.settle()
                found += [f"home · {lang} · text size {level + 1}: {p}" for p in clipped_texts(self.window.home)]
                self.send(ev.OpenStop(wanted.start if wanted else 0))
                for index in wanted:
                    stop = self.exhibit.stops[index]
                    self.send(ev.Jump(index))
                    self.settle()
                    found += [
                        f"stop {stop.id} · {lang} · text size {level + 1}: {p}" for p in clipped_texts(self.window.stop)
                    ]
        return found


def findings(exhibit: Exhibit, diagnostics: tuple[Diagnostic, ...], clipping: list[str]) -> list[str]:
    out = [f"{d.line}:{d.column}: {d.message}" for d in diagnostics if not d.is_error]
    for stop in exhibit.stops:
        for number, image in enumerate(stop.images, 1):
            for lang in exhibit.language_codes:
                if len(image.alt[lang].split()) < 4:
                    out.append(
                        f"stop {stop.id}, image {number} ({lang}): alt text is very short: "
                        f"'{image.alt[lang]}'; say what the picture shows"
                    )
    out += [f"clipped text: {item}" for item in clipping]
    for theme, target in ((NORMAL, 4.5), (HIGH_CONTRAST, 7.0)):
        for role, (fg, bg) in theme.text_pairs().items():
            ratio = contrast_ratio(fg, bg)
            if ratio < target:
                out.append(f"contrast: {theme.name} theme, {role}: {ratio:.1f}:1 (needs {target}:1)")
    return out or ["No findings: every check passed."]


def write_pngs(pages: Iterable[Page], folder: Path, blank: list[str] | None = None) -> list[Path]:
    """Each page as a PNG file, written as it comes; blank pages are named in ``blank``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for page in pages:
        path = folder / f"{page.name}.png"
        page.image.save(str(path))
        paths.append(path)
        if blank is not None and is_blank(page.image):
            blank.append(page.label)
    return paths


def write_pdf(
    pages: Iterable[Page], found: Callable[[list[str]], list[str]], path: Path, title: str
) -> tuple[int, int]:
    """One page per screen, labelled, each written as it comes; then the findings
    (``found`` is given the blank pages' labels). Returns (PDF pages, screens)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("museum-kiosk proof")
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10))
    )
    painter = QPainter(writer)
    area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
    area.moveTo(0, 0)
    label_font = QFont("Inter")
    label_font.setPixelSize(28)
    count, blank = 0, []
    for index, page in enumerate(pages):
        if is_blank(page.image):
            blank.append(page.label)
        if index:
            writer.newPage()
        painter.setFont(label_font)
        painter.setPen(QColor("#1c2230"))
        painter.drawText(
            area.adjusted(0, 0, 0, -area.height() + 40), int(Qt.AlignmentFlag.AlignLeft), f"{title} — {page.label}"
        )
        painter.drawText(
            area.adjusted(0, 0, 0, -area.height() + 40), int(Qt.AlignmentFlag.AlignRight), f"page {index + 1}"
        )
        box = area.adjusted(0, 50, 0, 0)
        size = QSizeF(page.image.size()).scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRectF(box.topLeft(), size), page.image)
        count += 1
    screens = count
    count += _findings_pages(writer, painter, area, found(blank), title, first=not screens)
    painter.end()
    return count, screens


def _findings_pages(
    writer: QPdfWriter, painter: QPainter, area: QRectF, found: list[str], title: str, first: bool
) -> int:
    body = QFont("Inter")
    body.setPixelSize(30)
    painter.setFont(body)
    line_height = painter.fontMetrics().lineSpacing() * 1.3
    per_page = max(1, int((area.height() - 80) // line_height))
    chunks = [found[i : i + per_page] for i in range(0, len(found), per_page)] or [[]]
    for number, chunk in enumerate(chunks):
        if not first or number:
            writer.newPage()
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), 50),
            int(Qt.AlignmentFlag.AlignLeft),
            f"{title} — findings ({number + 1}/{len(chunks)})",
        )
        y = area.top() + 70
        for line in chunk:
            painter.drawText(
                QRectF(area.left(), y, area.width(), line_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine),
                f"• {line}",
            )
            y += line_height
    return len(chunks)


def is_blank(image: QImage) -> bool:
    """True when a sample of the picture shows a single colour."""
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step_x) for y in range(0, image.height(), step_y)}
    return len(colours) < 3
