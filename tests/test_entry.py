"""`licence-desk` with no command starts the window without loading the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.__main__ import plain_window_start

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "register.sqlite3"], (True, "register.sqlite3")),
        (["--db=D:\\专利\\register.sqlite3"], (True, "D:\\专利\\register.sqlite3")),
        (["--db", "a.sqlite3", "--db", "b.sqlite3"], (True, "b.sqlite3")),  # as argparse does
        (["validate"], (False, None)),
        (["--db", "x.sqlite3", "validate"], (False, None)),
        (["--version"], (False, None)),
        (["-h"], (False, None)),
        (["--lang", "en"], (False, None)),
        (["--db"], (False, None)),  # the CLI words the missing value
        (["--db", "--version"], (False, None)),
        (["--db="], (False, None)),
        (["--dbx", "y"], (False, None)),
    ],
)
def test_plain_window_start(argv: list[str], expected: tuple[bool, str | None]) -> None:
    assert plain_window_start(argv) == expected


def _run_entry(argv: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`app.__main__.main(argv)` in a child, with run_window replaced by one that prints
    its database path and whether the command line module was loaded."""
    code = (
        "import sys\n"
        "import app.ui.application as application\n"
        "def fake_run_window(db_path, **_start):\n"
        "    print('WINDOW', db_path, 'app.cli' in sys.modules)\n"
        "    return 0\n"
        "application.run_window = fake_run_window\n"
        "import app.__main__ as entry\n"
        f"sys.exit(entry.main({argv!r}))\n"
    )
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("LICENCE_DESK_")}
    child_env.update(QT_QPA_PLATFORM="offscreen", LICENCE_DESK_DATA_DIR=str(tmp_path / "data"))
    child_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=child_env, capture_output=True,
        text=True, timeout=120,
    )


def test_no_arguments_open_the_window_on_the_default_database(tmp_path: Path) -> None:
    result = _run_entry([], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "WINDOW", str(tmp_path / "data" / "licence-desk.sqlite3"), "False"
    ]


def test_db_option_and_environment_choose_the_database(tmp_path: Path) -> None:
    result = _run_entry(["--db", str(tmp_path / "mine.sqlite3")], tmp_path)
    assert result.stdout.split()[:2] == ["WINDOW", str(tmp_path / "mine.sqlite3")]
    result = _run_entry([], tmp_path, LICENCE_DESK_DB=str(tmp_path / "env.sqlite3"))
    assert result.stdout.split()[:2] == ["WINDOW", str(tmp_path / "env.sqlite3")]


def test_the_saved_office_server_is_opened_unless_db_or_the_variable_say_otherwise(
    tmp_path: Path,
) -> None:
    from app.models.server_choice import SERVER, ServerChoice
    from app.ui.settings import Preferences

    (tmp_path / "data").mkdir()
    Preferences(tmp_path / "data" / "settings.ini").set_database(
        SERVER, ServerChoice(host="db.example.edu.cn", user="clerk", sslmode="require"))
    address = "postgresql://clerk@db.example.edu.cn:5432/licence_desk?sslmode=require"
    assert _run_entry([], tmp_path).stdout.split()[:2] == ["WINDOW", address]
    result = _run_entry(["--db", str(tmp_path / "mine.sqlite3")], tmp_path)
    assert result.stdout.split()[:2] == ["WINDOW", str(tmp_path / "mine.sqlite3")]
    result = _run_entry([], tmp_path, LICENCE_DESK_DB=str(tmp_path / "env.sqlite3"))
    assert result.stdout.split()[:2] == ["WINDOW", str(tmp_path / "env.sqlite3")]


def test_a_data_folder_that_cannot_be_made_is_worded_by_the_cli(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = _run_entry([], tmp_path, LICENCE_DESK_DATA_DIR=str(blocker / "data"),
                        LICENCE_DESK_LANG="en")
    assert result.returncode == 2
    assert "WINDOW" not in result.stdout
    assert "Traceback" not in result.stderr
    assert str(blocker) in result.stderr


def test_commands_still_go_to_the_cli(tmp_path: Path) -> None:
    result = _run_entry(["check-number", "ZL201710601862.3"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "201710601862.3" in result.stdout
    assert "WINDOW" not in result.stdout


def test_window_without_a_desktop_says_so(tmp_path: Path) -> None:
    """No display (SSH, a server): our own sentence and exit 2, not Qt's abort about plugins."""
    child_env = {
        k: v for k, v in os.environ.items()
        if not k.startswith("LICENCE_DESK_") and k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")
    }
    child_env["LICENCE_DESK_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(tmp_path / "r.sqlite3")], cwd=ROOT,
        env=child_env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "需要图形桌面" in done.stderr
    assert "licence-desk --help" in done.stderr
    assert "plugin" not in done.stderr
    assert not (tmp_path / "r.sqlite3").exists()
