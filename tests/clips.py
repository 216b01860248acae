"""Real media for the tests: short clips made with ffmpeg, captions, and the
stop media block that uses them in the minimal exhibit."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.services import need

CAPTIONS = {
    "es": "WEBVTT\n\n00:00.000 --> 00:01.200\nHola y bienvenidos.\n\n00:01.500 --> 00:02.800\n<i>Segunda</i> línea.\n",
    "en": (
        "WEBVTT\n\n1\n00:00.000 --> 00:01.200\nHello and welcome.\n\n"
        "2\n00:01.500 --> 00:02.800 line:80%\n<i>Second</i> line.\n"
    ),
}

MEDIA_BLOCK = """    media:
      - video: mini/clip.mp4
        title:
          es: Una película de prueba
          en: A test film
        poster: mini/poster.png
        captions:
          es: mini/clip-es.vtt
          en: mini/clip-en.vtt
        transcript:
          es: Hola y bienvenidos. Segunda línea.
          en: Hello and welcome. Second line.
        credit:
          es: Hecha con ffmpeg para las pruebas.
          en: Made with ffmpeg for the tests.
      - audio: mini/voice.ogg
        title:
          es: Un tono de prueba
          en: A test tone
        transcript:
          es: Un tono de 440 hercios.
          en: A 440 hertz tone.
        credit:
          es: Hecho con ffmpeg.
          en: Made with ffmpeg.
      - quotation:
          es: Las palabras, en castellano.
          en: The words, in English.
        who: Una persona
        when: 1952-04-17
        source: Un libro publicado (1984), p. 12
"""


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True, timeout=120)


def make_clips(folder: Path, seconds: float = 3.0) -> None:
    """clip.mp4 (H.264 with AAC), clip.webm (VP8), voice.ogg, poster.png and captions, in ``folder``."""
    need("ffmpeg")
    folder.mkdir(parents=True, exist_ok=True)
    video = ["-f", "lavfi", "-i", f"testsrc=size=320x240:rate=25:duration={seconds}"]
    tone = ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    ffmpeg(
        *video, *tone, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(folder / "clip.mp4")
    )
    ffmpeg(*video, "-c:v", "libvpx", "-b:v", "300k", str(folder / "clip.webm"))
    ffmpeg(*tone, "-c:a", "libvorbis", str(folder / "voice.ogg"))
    ffmpeg(*video, "-frames:v", "1", str(folder / "poster.png"))
    for lang, text in CAPTIONS.items():
        (folder / f"clip-{lang}.vtt").write_text(text, encoding="utf-8")


def add_media(exhibit: Path, block: str = MEDIA_BLOCK) -> None:
    """Give the minimal exhibit's first stop the media block."""
    text = exhibit.read_text(encoding="utf-8")
    anchor = '    sources:\n      - S. Henshall, "Bolivia 1952", Socialist Worker 2297 (2012)\n'
    assert text.count(anchor) == 1
    exhibit.write_text(text.replace(anchor, block + anchor), encoding="utf-8")


def minimal_with_media(tmp_path: Path, clips: Path) -> Path:
    """A private copy of the minimal exhibit whose first stop holds the clips in ``clips``."""
    from tests.helpers import copy_minimal

    path = copy_minimal(tmp_path)
    for made in clips.iterdir():
        (tmp_path / "media" / "mini" / made.name).write_bytes(made.read_bytes())
    add_media(path)
    return path
