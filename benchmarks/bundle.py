#!/usr/bin/env python3
"""The bundle's figures: its size, and its start-up against the source tree's (a script that
prints numbers, not a test).

Each start-up figure comes from a separate child process, timed from just before the parent
starts it to the window's first paint (interpreter or bootloader start and every import count):

  (a) a bare QMainWindow started from Python: the floor (benchmarks/startup.py's child);
  (b) Licence Desk from the source tree, as `python -m app --db DB`;
  (c) Licence Desk from the bundle, as `LicenceDesk --db DB`;
  (d) the console twin: `licence-desk --version` from the bundle against `python -m app
      --version` (no window: the start-up of the command line alone).

(b) and (c) write their first-paint time through LICENCE_DESK_STARTUP_REPORT (the window
writes it and quits), each on a fresh database. Runs alternate a, b, c so each sees about the
same machine; ratios against (a) of the same run are the figures to compare.

    python benchmarks/bundle.py [--bundle dist/LicenceDesk] [--build] [--full] [--runs 5]

--build builds build.spec into a temporary folder first (else --bundle must exist);
--full also builds the untrimmed bundle (LICENCE_DESK_FULL_BUNDLE=1) to print both sizes.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import startup  # noqa: E402  (the floor's child and the house formatting)

EXE = ".exe" if sys.platform == "win32" else ""


def build(dist: Path, work: Path, full: bool = False) -> tuple[Path, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LICENCE_DESK_")}
    name = "LicenceDesk-full" if full else "LicenceDesk"
    if full:
        env.update(LICENCE_DESK_FULL_BUNDLE="1", LICENCE_DESK_DIST_NAME=name)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--workpath", str(work / name), "--distpath", str(dist),
                    str(ROOT / "build.spec")], cwd=ROOT, env=env, check=True)
    return dist / name, time.perf_counter() - start


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def largest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    internal = folder / "_internal"
    parts: list[tuple[str, int]] = []
    for child in internal.iterdir():
        size = size_of(child)[0] if child.is_dir() else child.stat().st_size
        parts.append((child.name, size))
    qt = internal / "PySide6" / "Qt"
    for child in (qt.iterdir() if qt.is_dir() else []):
        parts.append((f"PySide6/Qt/{child.name}", size_of(child)[0]))
    return sorted(parts, key=lambda p: -p[1])[:count]


def first_paint(command: list[str], env: dict[str, str], work: Path, tag: str) -> float:
    """Seconds from just before starting `command` to its window's first paint."""
    report = work / f"{tag}.json"
    data = work / f"{tag}-data"
    db = data / "register.sqlite3"
    child_env = {**env, "LICENCE_DESK_STARTUP_REPORT": str(report),
                 "LICENCE_DESK_DATA_DIR": str(data)}
    t0 = time.time()
    proc = subprocess.run([*command, "--db", str(db)], env=child_env, cwd=work,
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not report.is_file():
        raise RuntimeError(f"{command} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return float(json.loads(report.read_text(encoding="utf-8"))["first_paint"]) - t0


def wall(command: list[str], env: dict[str, str], work: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(command, env=env, cwd=work, capture_output=True, check=True, timeout=300)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "LicenceDesk")
    parser.add_argument("--build", action="store_true", help="build build.spec first")
    parser.add_argument("--full", action="store_true",
                        help="also build the untrimmed bundle and print both sizes")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="licence-desk-bundle-bench-"))
    bundle = options.bundle
    if options.build:
        bundle, seconds = build(work / "dist", work / "build")
        print(f"built {bundle} in {seconds:.0f} s")
    if not (bundle / f"LicenceDesk{EXE}").is_file():
        print(f"no bundle at {bundle}: build it with `pyinstaller build.spec` or pass --build",
              file=sys.stderr)
        return 2

    print(f"Python {sys.version.split()[0]}, platform {options.platform}, {options.runs} runs "
          f"each, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; work folder "
          f"{work}")
    total, files = size_of(bundle)
    print(f"\nBundle {bundle}: {total / 1e6:.1f} MB in {files} files")
    for name, size in largest_parts(bundle):
        print(f"    {name:<40} {size / 1e6:7.1f} MB")
    if options.full:
        full, seconds = build(work / "dist", work / "build", full=True)
        full_total, full_files = size_of(full)
        print(f"Untrimmed (LICENCE_DESK_FULL_BUNDLE=1, built in {seconds:.0f} s): "
              f"{full_total / 1e6:.1f} MB in {full_files} files; trimmed is "
              f"{100 * (1 - total / full_total):.0f} % smaller")

    compileall.compile_dir(str(ROOT / "app"), quiet=1)  # as an installed copy runs
    base_env = {k: v for k, v in os.environ.items()
                if not k.startswith(("LICENCE_DESK_", "PYTHONPATH"))}
    base_env["QT_QPA_PLATFORM"] = options.platform
    source_env = {**base_env, "PYTHONPATH": str(ROOT)}
    bare_env = {**base_env, "PYTHONPATH": str(ROOT)}
    source_cmd = [sys.executable, "-m", "app"]
    bundle_cmd = [str(bundle / f"LicenceDesk{EXE}")]

    bare, source, frozen = [], [], []
    for run in range(options.runs):
        bare.append(startup.run_child(["bare"], bare_env)["first_paint"])
        source.append(first_paint(source_cmd, source_env, work, f"source-{run}"))
        frozen.append(first_paint(bundle_cmd, base_env, work, f"bundle-{run}"))
    floor = statistics.median(bare)
    print("\nFirst paint of the main window (fresh database)")
    print(f"(a) bare QMainWindow (floor)   median {floor:.3f} s   runs {startup._fmt(bare)}")
    for label, values in (("(b) from the source tree", source), ("(c) from the bundle", frozen)):
        median = statistics.median(values)
        print(f"{label:<30} median {median:.3f} s   runs {startup._fmt(values)}   "
              f"ratio to (a) {median / floor:.2f}")
    pairs = sorted(c / b for b, c in zip(source, frozen, strict=True))
    print(f"    bundle / source within each run: median {statistics.median(pairs):.2f}, "
          f"range {pairs[0]:.2f}–{pairs[-1]:.2f}")

    cli_source, cli_bundle = [], []
    for _run in range(options.runs):
        cli_source.append(wall([*source_cmd, "--version"], source_env, work))
        cli_bundle.append(wall([str(bundle / f"licence-desk{EXE}"), "--version"], base_env,
                               work))
    print("(d) console twin, `--version` (wall)")
    print(f"    python -m app              median {statistics.median(cli_source):.3f} s   runs "
          f"{startup._fmt(cli_source)}")
    cli_ratio = statistics.median(cli_bundle) / statistics.median(cli_source)
    print(f"    licence-desk (bundle)      median {statistics.median(cli_bundle):.3f} s   runs "
          f"{startup._fmt(cli_bundle)}   ratio {cli_ratio:.2f}")
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}: wall-clock figures stretch when "
          "other processes compete for the CPUs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
