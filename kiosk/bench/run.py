"""Run every measurement and print each figure beside its target."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.bench.stats import child_json
from kiosk.service import ALLOCATOR_ENV


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: float
    target: str
    ok: bool | None
    """None: reported, no target."""


def _row(figure: Figure) -> str:
    verdict = {True: "ok", False: "MISSED", None: ""}[figure.ok]
    value = "n/a" if math.isnan(figure.value) else f"{figure.value:,.1f}"
    return f"  {figure.label:<44}{value:>10}   {figure.target:<22}{verdict}"


def run_bench(exhibit: Path, quick: bool, json_path: Path | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.bench import images, interaction, loading, startup
    from kiosk.bench.stats import median, percentile

    runs = 3 if quick else 9
    print(f"kiosk bench{' --quick' if quick else ''}: {exhibit.name}, offscreen at 1920x1080; medians of runs\n")
    figures: list[Figure] = []

    def add(key: str, label: str, value: float, target: str = "", ok: bool | None = None) -> None:
        figure = Figure(key, label, value, target, ok)
        figures.append(figure)
        print(_row(figure), flush=True)

    started = startup.measure(runs, exhibit)
    floor = median(started["floor"])
    ratio = median(started["kiosk"]) / floor
    print("Cold start (launch to first attract frame with its picture; caches warm unless said)")
    add("startup_ms", "kiosk (ms)", median(started["kiosk"]))
    add("startup_floor_ms", "floor: minimal PySide6 window (ms)", floor)
    add("startup_ratio", "ratio (x)", ratio)
    add("startup_ready_ms", "kiosk ready for a touch (ms)", median(started["ready"]))
    add("startup_after_edit_ms", "first frame, exhibit just edited (ms)", median(started["edited"]))
    add("startup_after_edit_ratio", "  ratio (x)", median(started["edited"]) / floor)
    add("startup_uncached_ms", "first frame, no caches at all (ms)", median(started["uncached"]))
    add("startup_uncached_ratio", "  ratio (x)", median(started["uncached"]) / floor)

    first_taps = [_first_touch(exhibit) for _ in range(runs)]
    print("First tap on a stop after start (a fresh process, screens built as at READY=1)")
    add(
        "first_touch_ms",
        "tap to the stop painted with its picture (ms)",
        median(first_taps),
        "<= 100 ms",
        median(first_taps) <= 100,
    )

    rig = interaction.make_rig(exhibit)
    try:
        latency = interaction.touch_latency(rig, 30 if quick else 200)
        print(f"Touch swipe to the next stop's first frame, with its picture ({len(latency)} navigations)")
        add("touch_latency_p50_ms", "p50 (ms)", percentile(latency, 0.5))
        add("touch_latency_p95_ms", "p95 (ms)", percentile(latency, 0.95), "<= 16 ms", percentile(latency, 0.95) <= 16)
        add("touch_latency_max_ms", "max (ms)", max(latency))
        fps, gap = interaction.transition_frames(rig, 5 if quick else 20)
        print("Stop transition")
        add("transition_fps", "frames per second", fps, ">= 55", fps >= 55)
        add("transition_max_gap_ms", "longest gap between frames (ms)", gap, "<= 33 ms", gap <= 33)
    finally:
        rig.close()

    control = child_json(
        "kiosk.bench.control",
        str(exhibit),
        "40" if quick else "200",
        timeout=900,
        env={**os.environ, **ALLOCATOR_ENV},  # as the service and `make run` start the kiosk
    )
    print("Control endpoint on, scraped every second (swipes alternately without and with it)")
    add("control_swipe_p95_without_ms", "swipe p95 without the endpoint (ms)", control["p95_without_ms"])
    add("control_swipe_p95_with_ms", "swipe p95 with it, scraped (ms)", control["p95_with_ms"])
    ratio = control["ratio"]
    add("control_swipe_p95_ratio", "  ratio (x)", ratio, "<= 1.10 x", ratio <= 1.10)
    grown = control["memory_growth_mb"]
    add("control_memory_growth_mb", "memory it adds (MB)", grown, "<= 5 MB", grown <= 5)

    events, resets = (1000, 50) if quick else (10_000, 500)
    soaked = subprocess.run(
        [sys.executable, "-m", "kiosk.bench.memory", str(exhibit), str(events), str(resets)],
        env={**os.environ, **ALLOCATOR_ENV},  # as the service and `make run` start the kiosk
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,  # a hung soak must not hang the bench (or CI)
    )
    memory = json.loads(soaked.stdout.strip().splitlines()[-1])
    start, warm, after = memory["start"], memory["warm"], memory["after"]
    print(f"Memory ({events:,} random visitor events, {resets} idle resets, accelerated clock)")
    add("rss_start_mb", "resident after start (MB)", start)
    add("rss_warm_mb", "after one tour of every screen (MB)", warm)
    add("rss_after_soak_mb", "after the soak (MB)", after, "<= 250 MB", after <= 250)
    growth = after - warm
    add("memory_growth_mb", "growth during the soak (MB)", growth, "<= 5 MB", growth <= 5)

    sizes = (100, 1000, 2000)
    loads = loading.measure(exhibit, sizes, 1 if quick else 5)
    per_stop = (loads[2000] / 2000) / (loads[100] / 100)
    print("Validate and load")
    add("load_bundled_ms", "bundled exhibit (ms)", loads["bundled"])
    for size in sizes[:-1]:
        add(f"load_{size}_stops_ms", f"{size:,} stops (ms)", loads[size])
    add("load_2000_stops_ms", "2,000 stops (ms)", loads[2000], "<= 1000 ms", loads[2000] <= 1000)
    add(
        "load_per_stop_ratio_2000_vs_100",
        "time per stop, 2,000 vs 100 (x)",
        per_stop,
        "flat (<= 1.25 x)",
        per_stop <= 1.25,
    )

    _long_exhibits(quick, add)

    decode_ms, stall_ms = images.measure(1 if quick else 5)
    print("A 6000x4000 JPEG, shown at 1056x660")
    add("image_decode_ms", "decode and scale, off the GUI thread (ms)", decode_ms)
    add("gui_max_block_ms", "longest GUI-thread stall meanwhile (ms)", stall_ms, "<= 8 ms", stall_ms <= 8)

    _film(quick, add)

    outside = _external(exhibit, 12 if quick else 40)
    if outside is None:
        print("Tap to screen, from outside (Xvfb, XTEST, X DAMAGE): skipped, needs Xvfb and python-xlib")
    else:
        first = outside["first_frame_ms"]
        print(f"Tap on Next to the screen, from outside: XTEST taps, X DAMAGE frames ({len(first)} taps)")
        add(
            "external_first_frame_p50_ms",
            "tap to the first frame showing the new stop, p50 (ms)",
            percentile(first, 0.5),
        )
        add(
            "external_first_frame_p95_ms",
            "  p95 (ms)",
            percentile(first, 0.95),
            "<= 16 ms",
            percentile(first, 0.95) <= 16,
        )
        add("external_still_p50_ms", "tap to the screen standing still, p50 (ms)", percentile(outside["still_ms"], 0.5))
        for key, what in (("strip", "a stop on the timeline strip"), ("row", "a row of the home screen")):
            taps = outside[f"{key}_first_frame_ms"]
            add(
                f"external_{key}_first_frame_p50_ms",
                f"tap on {what} to its first frame, p50 (ms)",
                percentile(taps, 0.5),
            )
            add(
                f"external_{key}_first_frame_p95_ms",
                f"  p95 of {len(taps)} (ms)",
                percentile(taps, 0.95),
                "<= 16 ms",
                percentile(taps, 0.95) <= 16,
            )
        brisk = outside["brisk"]
        add(
            "external_dropped_taps",
            f"taps lost at a brisk pace (of {brisk['taps']}, 150 ms apart)",
            brisk["dropped"],
            "0",
            brisk["dropped"] == 0,
        )

    attract = _attract(exhibit, 10.0 if quick else 30.0)
    print("Attract loop (software rendering, 1920x1080; CPU read from /proc, outside the kiosk)")
    add(
        "attract_cpu_percent",
        "CPU, share of one core (%)",
        attract["cpu_percent"],
        "<= 8 %",
        attract["cpu_percent"] <= 8,
    )
    add(
        "attract_max_gap_ms",
        "longest gap between frames (ms)",
        attract["max_gap_ms"],
        "<= 50 ms",
        attract["max_gap_ms"] <= 50,
    )

    missed = [f.label for f in figures if f.ok is False]
    print(f"\n{len([f for f in figures if f.ok])} targets met, {len(missed)} missed")
    if json_path is not None:
        json_path.write_text(json.dumps({f.key: round(f.value, 3) for f in figures}, indent=2) + "\n")
        print(f"wrote {json_path}")
    return 0 if quick or not missed else 1


def _film(quick: bool, add: Callable[..., None]) -> None:
    """A 1080p H.264 film on the kiosk's player, in a process of its own."""
    seconds, cycles = (5, 20) if quick else (30, 100)
    film = child_json("kiosk.bench.video", str(seconds), str(cycles), timeout=900, env={**os.environ, **ALLOCATOR_ENV})
    if "skipped" in film:
        print(f"A 1080p film: skipped, {film['skipped']}")
        return
    print(f"A 1080p H.264 film, {seconds} s, software decoding")
    first = film["first_frame_ms"]
    add("video_first_frame_ms", "Play to the first frame painted, median of 7 (ms)", first, "<= 300 ms", first <= 300)
    dropped = film["frames_dropped"]
    add(
        "video_dropped_frames",
        f"frames dropped over the clip (of {film['frames_expected']})",
        dropped,
        "0",
        dropped == 0,
    )
    add("video_longest_gap_ms", "  longest gap between frames (ms)", film["longest_frame_gap_ms"])
    growth = film["memory_growth_mb"]
    add("video_memory_growth_mb", f"memory after {cycles} play/stop cycles (MB)", growth, "<= 5 MB", growth <= 5)


def _long_exhibits(quick: bool, add: Callable[..., None]) -> None:
    """300 and 2,000 generated stops: start, first tap, swipes, memory, proof sheet."""
    import shutil
    import tempfile

    from kiosk.bench import long_exhibits

    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-long-"))
    try:
        results = long_exhibits.measure(folder, quick)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for size, got in results.items():
        print(f"A long exhibit: {size:,} stops, {long_exhibits.ERAS} eras (generated, small pictures)")
        add(f"long_{size}_start_ms", "start to first attract frame (ms)", got["start_ms"])
        add(f"long_{size}_ready_ms", "  to ready for a touch (ms)", got["ready_ms"])
        first = got["first_tap_ms"]
        add(f"long_{size}_first_tap_ms", "first tap to the stop painted (ms)", first, "<= 100 ms", first <= 100)
        p95 = got["swipe_p95_ms"]
        add(
            f"long_{size}_swipe_p95_ms",
            f"swipe to next stop, p95 of {got['swipes']:.0f} (ms)",
            p95,
            "<= 16 ms",
            p95 <= 16,
        )
        rss = got["rss_after_swipes_mb"]
        add(f"long_{size}_rss_after_swipes_mb", "resident after the swipes (MB)", rss, "<= 250 MB", rss <= 250)
        per_page = got["proof_ms_per_page"]
        add(f"long_{size}_proof_ms_per_page", f"proof sheet, {got['proof_pages']:.0f} pages: per page (ms)", per_page)
        peak = got["proof_peak_mb"]
        add(f"long_{size}_proof_peak_mb", "  peak memory (MB)", peak, "<= 300 MB", peak <= 300)


def _first_touch(exhibit: Path) -> float:
    return float(child_json("kiosk.bench.first_touch", str(exhibit), timeout=300))


def _attract(exhibit: Path, seconds: float) -> dict[str, float]:
    return dict(child_json("kiosk.bench.attract", str(exhibit), str(seconds), timeout=900))


def _external(exhibit: Path, taps: int) -> dict[str, Any] | None:
    import importlib.util
    import shutil

    if shutil.which("Xvfb") is None or importlib.util.find_spec("Xlib") is None:
        return None
    return dict(child_json("kiosk.bench.external", str(exhibit), str(taps), timeout=900))
