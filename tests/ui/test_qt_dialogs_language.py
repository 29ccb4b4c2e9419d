"""Qt's own dialogs speak the clerk's language (issue 17 point 5).

Qt draws its own file dialog wherever the platform has no native one (Linux without a desktop
theme); its labels come from Qt's catalogue, which misses some of the strings Qt 6 uses.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QTreeView,
)

import app.ui
from app.ui import i18n

LATIN_WORD = re.compile(r"[A-Za-z][a-z]{2,}")  # a word, not an acronym such as PDF


def _visible_words(dialog: QFileDialog) -> list[str]:
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [w.toolTip() for w in dialog.findChildren(QAbstractButton)]
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal))
                  for c in range(model.columnCount())]
        root = view.rootIndex()
        # Column 0 holds the file names; column 1 the sizes, worded by the system's locale.
        texts += [str(model.index(r, c, root).data())
                  for r in range(model.rowCount(root)) for c in range(2, model.columnCount())]
    for combo in dialog.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())
                  if "(*" not in combo.itemText(i)]  # the filter's own words are ours
    return [t for t in texts if LATIN_WORD.search(t) and not t.startswith("/")]


def test_file_dialog_is_chinese(qapp: QApplication, qtbot, tmp_path: Path) -> None:
    (tmp_path / "文件夹一").mkdir()
    (tmp_path / "清单.pdf").write_bytes(b"%PDF-1.4\n")
    i18n.install_translators(qapp, "zh_CN")
    try:
        for mode in (QFileDialog.FileMode.ExistingFile, QFileDialog.FileMode.Directory):
            dialog = QFileDialog(None, "选择", str(tmp_path), "PDF 文件 (*.pdf)")
            qtbot.addWidget(dialog)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setFileMode(mode)
            dialog.show()
            qtbot.waitUntil(lambda d=dialog: any(
                v.model().rowCount(v.rootIndex()) > 0 for v in d.findChildren(QTreeView)))
            assert _visible_words(dialog) == []
            dialog.close()
    finally:
        i18n.install_translators(qapp, "en")
        i18n.set_language("zh_CN")


def test_no_dialog_is_forced_to_qt_s_own() -> None:
    """The static QFileDialog functions give Windows' own dialog; nothing may switch it off."""
    ui = Path(app.ui.__file__).parent
    offenders = [p.name for p in ui.glob("*.py") if "DontUseNativeDialog" in p.read_text("utf-8")]
    assert offenders == []
