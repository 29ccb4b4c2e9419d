"""Smoke test of the Windows-ready bundle: build it with `build.spec`, then run its executables.

Everything here runs from the built folder, never from the source tree: the executables are
started in an empty working folder, without PYTHONPATH, with the data folder in a temporary
folder. Run alone (it builds the bundle first, about a minute):

    python -m pytest -q tests/test_bundle.py

`LICENCE_DESK_BUNDLE=dist/LicenceDesk` tests a bundle already built (e.g. on Windows after
`pyinstaller build.spec`) instead of building one. Without PyInstaller the module is skipped,
except under CI (`CI=true`), where that is a failure: the bundle must be tested there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if sys.platform == "win32" else ""
GUI = "LicenceDesk" + EXE
CLI = "licence-desk" + EXE
BUILD_TIMEOUT_S = 900
RUN_TIMEOUT_S = 120

PATENT = {
    "number": "201710601862.3", "title": "一种基于深度学习的输电线路缺陷图像识别方法",
    "filing_date": "2017-07-21", "grant_date": "2019-03-05",
    "patentees": ["武汉大学", "张三"], "legal_status": "valid",
}
OFFER = {
    "patent": "ZL201710601862.3",
    "self_exploitation": {"status": "implemented", "period": "2019年起", "scope": "湖北省",
                          "manner": "自行生产"},
    "licensing_to_others": {"status": "none"},
    "licence_expiry": "2030-12-31",
    "fee": {"option": "lump_sum", "days": 30, "amount_yuan": 50000},
    "other_terms": "需技术培训",
    "contact": {"name": "李老师", "address": "武汉市武昌区八一路299号", "postcode": "430072",
                "phone": "027-68754321", "email": "kjc@whu.edu.cn"},
    "open_scope": "全省",
    "single_term": "3年",
    "declared_on": "2026-09-01",
    "state": "finalised",
}
DOCUMENT = {
    "format": "licence-desk", "version": 3,
    "organisation": {"name": "武汉大学", "legal_representative": "王五",
                     "address": "武汉市武昌区八一路299号", "postcode": "430072",
                     "phone": "027-68754321", "fax": "", "email": "kjc@whu.edu.cn",
                     "contacts": []},
    "patents": [PATENT],
    "offers": [OFFER],
}


def _pyinstaller_available() -> bool:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle folder: LICENCE_DESK_BUNDLE, or built here once for the module."""
    given = os.environ.get("LICENCE_DESK_BUNDLE")
    if given:
        folder = Path(given).resolve()
        assert (folder / CLI).is_file(), f"no {CLI} in {folder}"
        return folder
    if not _pyinstaller_available():
        if os.environ.get("CI") == "true":
            pytest.fail("PyInstaller is missing: the bundle must be built and tested in CI "
                        "(it is in the test extra: pip install '.[test]')")
        pytest.skip("PyInstaller is not installed (pip install '.[test]')")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--workpath", str(work / "build"), "--distpath", str(work / "dist"),
         str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
        env={k: v for k, v in os.environ.items() if not k.startswith("LICENCE_DESK_")},
    )
    assert result.returncode == 0, result.stderr[-5000:]
    folder = work / "dist" / "LicenceDesk"
    assert (folder / CLI).is_file() and (folder / GUI).is_file()
    return folder


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """An empty working folder far from the source tree."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    return folder


def _env(data_dir: Path | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LICENCE_DESK_", "PYTHON", "QT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    if data_dir is not None:
        env["LICENCE_DESK_DATA_DIR"] = str(data_dir)
    return env


def _run(bundle: Path, exe: str, args: list[str], cwd: Path, env: dict[str, str],
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bundle / exe), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace",
                          timeout=RUN_TIMEOUT_S)


def test_the_bundle_holds_its_resources_and_no_source_tree(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "resources" / "fonts" / "NotoSerifSC-Regular.ttf").is_file()
    assert (internal / "resources" / "icons" / "licence-desk.png").is_file()
    assert (internal / "translations" / "licence_desk_zh_CN.qm").is_file()
    assert list(internal.rglob("qtbase_zh_CN.qm")), "Qt's own Chinese catalogue is missing"
    assert (internal / "app" / "models" / "migrations" / "env.py").is_file()
    assert list((internal / "app" / "models" / "migrations" / "versions").glob("0001_*.py"))
    # Read as package data: the inventory's category lists, python-docx's blank document.
    assert (internal / "app" / "models" / "data" / "inventory_categories.json").is_file()
    assert (internal / "docx" / "templates" / "default.docx").is_file()
    # The sample register a first start offers (app/usecases/register.py).
    assert (internal / "app" / "usecases" / "data" / "sample_register.json").is_file()
    # Only the application's code in the archive: no .py of it loose beside the migrations.
    assert not (internal / "app" / "cli.py").exists()


def test_version_from_the_console_executable(bundle: Path, place: Path, tmp_path: Path) -> None:
    from app import __app_name__, __version__

    result = _run(bundle, CLI, ["--version"], place, _env(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{__app_name__} {__version__}"


def test_import_chinese_json_render_a_sheet_and_read_its_text(
    bundle: Path, place: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    env = _env(tmp_path / "data", LICENCE_DESK_LANG="zh_CN")
    db = tmp_path / "库" / "登记册.sqlite3"
    db.parent.mkdir()
    source = tmp_path / "导入数据.json"
    source.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")

    imported = _run(bundle, CLI, ["--db", str(db), "import", str(source)], place, env)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert db.is_file()  # created and migrated by the bundle's Alembic scripts

    checked = _run(bundle, CLI, ["--db", str(db), "validate"], place, env)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    out = tmp_path / "输出"
    rendered = _run(bundle, CLI, ["--db", str(db), "render", "offers", "--out", str(out)],
                    place, env)
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    sheet = out / "ZL201710601862.3 信息表.pdf"
    assert sheet.is_file(), sorted(p.name for p in out.iterdir())
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    compact = "".join(text.split())
    for expected in ("专利开放许可", "201710601862", "一种基于深度学习的输电线路缺陷图像识别方法",
                     "武汉大学", "李老师"):
        assert expected in compact, (expected, text[:400])
    assert (out / "ZL201710601862.3 声明.pdf").is_file()


def _window_report(bundle: Path, place: Path, env: dict[str, str], args: list[str],
                   report: Path) -> dict[str, object]:
    result = _run(bundle, GUI, args, place, {**env, "LICENCE_DESK_STARTUP_REPORT": str(report)})
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_window_opens_in_chinese_until_its_first_paint_and_exits_0(
    bundle: Path, place: Path, tmp_path: Path
) -> None:
    db = tmp_path / "窗口" / "登记册.sqlite3"
    db.parent.mkdir()
    report = _window_report(bundle, place, _env(tmp_path / "data"), ["--db", str(db)],
                            tmp_path / "report.json")
    assert report["frozen"] is True and report["bundle"]
    assert Path(str(report["bundle"])).resolve().is_relative_to(bundle)
    assert report["language"] == "zh_CN"
    assert float(str(report["first_paint"])) > 0
    title = str(report["title"])
    assert "专利开放许可填报助手" in title, title
    catalogues = [Path(str(p)) for p in report["catalogues"]]  # type: ignore[attr-defined]
    assert {p.name for p in catalogues} == {"licence_desk_zh_CN.qm", "qtbase_zh_CN.qm",
                                            "qtbase_extra_zh_CN.qm"}
    assert all(p.resolve().is_relative_to(bundle) for p in catalogues), catalogues
    assert db.is_file()
    # A worker process (the register's checks) is this executable started again: it runs its
    # target with the rules, not the window, SQLAlchemy or Qt's GUI. (PyInstaller's run-time
    # hook for PySide6 imports PySide6.QtCore in every process of a bundle, to embed its
    # qt.conf, before any code of ours runs: that much Qt the bundle's child does load.)
    spawned = report["spawned_modules"]
    assert isinstance(spawned, list) and "app.models.register_checks" in spawned, spawned
    assert not [m for m in spawned
                if m.startswith(("PySide6.QtGui", "PySide6.QtWidgets", "sqlalchemy", "alembic",
                                 "app.ui", "app.usecases"))], spawned


@pytest.fixture
def portable_bundle(bundle: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the bundle with the portable marker, as on a USB stick."""
    from app.paths import PORTABLE_MARKER

    copy = tmp_path / "U盘" / "LicenceDesk"
    try:  # hard links: a quarter of a gigabyte not copied where the file system allows it
        shutil.copytree(bundle, copy, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(bundle, copy, symlinks=True)
    (copy / PORTABLE_MARKER).write_text("portable\n", encoding="utf-8")
    yield copy
    shutil.rmtree(copy, ignore_errors=True)


def test_portable_mode_keeps_database_settings_and_logs_beside_the_executables(
    portable_bundle: Path, place: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = _env(None, HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CONFIG_HOME=str(home / ".config"), LOCALAPPDATA=str(home / "AppData"),
               APPDATA=str(home / "Roaming"))
    data = portable_bundle / "data"
    source = tmp_path / "导入数据.json"
    source.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    imported = _run(portable_bundle, CLI, ["import", str(source)], place, env)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert (data / "licence-desk.sqlite3").is_file()

    report = _window_report(portable_bundle, place, env, [], tmp_path / "report.json")
    assert Path(str(report["data_dir"])) == data
    assert Path(str(report["database"])) == data / "licence-desk.sqlite3"
    assert Path(str(report["log"])) == data / "logs" / "licence-desk.log"
    assert (data / "logs" / "licence-desk.log").is_file()
    assert not any(home.rglob("*")), sorted(str(p) for p in home.rglob("*"))
