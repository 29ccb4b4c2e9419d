"""帮助 → 使用说明: a short walk through the Hubei and Henan submissions, in the window's
language, naming the menus as the window shows them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("How to use Licence Desk"))
        self.text = QTextBrowser()
        self.text.setObjectName("guide_text")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(self.html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(680, 620)

    def html(self) -> str:
        def steps(items: list[str]) -> str:
            return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"

        return "".join([
            "<h3>", self.tr("Before anything else"), "</h3>",
            steps([
                self.tr("<b>File → Organisation profile…</b>: the unit's name, legal "
                        "representative, address and contacts. Every form takes them from here."),
                self.tr("<b>Patents → Add patent…</b>, or <b>Patents → Import patents from "
                        "Excel…</b> for a list. Each field is checked as you type; the pane under "
                        "the table says what still needs checking for the selected patent."),
                self.tr("To look around first, <b>Help → Open the sample register</b> fills an "
                        "empty register with an invented unit, 示例大学（样例）; <b>Help → Remove "
                        "the sample register</b> empties it again in one step."),
            ]),
            "<h3>", self.tr("Hubei: information sheets, declarations and the summary list"),
            "</h3>",
            steps([
                self.tr("Select patents and choose <b>Information sheets → Create information "
                        "sheets for the selected…</b>, then open each with <b>Information "
                        "sheet…</b> and fill in ①–⑨. Findings are listed beside the form; a click "
                        "on one jumps to its field."),
                self.tr("<b>Finalise the selected information sheets</b> once a sheet has no "
                        "errors, then <b>Generate PDFs…</b>: the information sheet and the "
                        "declaration, ready to print."),
                self.tr("Print, sign and seal them; scan the stamped paper and add it with "
                        "<b>Attach a sealed copy…</b>."),
                self.tr("<b>Submission → Batches and summary list…</b>: put the finalised sheets "
                        "into a batch and write its summary list (汇总表) as Excel and PDF."),
                self.tr("<b>Submission → Build a package…</b> with the Hubei target: every "
                        "document is checked and the e-mail is prepared. Set up the mailbox once "
                        "in <b>Mail accounts…</b>, then send from the <b>Outbox…</b>."),
            ]),
            "<h3>", self.tr("Henan: achieved licences and the summary book"), "</h3>",
            steps([
                self.tr("<b>Licences → Achieved licences…</b>: every licence achieved, with its "
                        "patents, licensee, payment and the signed contract's scan."),
                self.tr("<b>Licences → Summary book…</b> for the period: its statistics are "
                        "computed from the licences; write the profile and the self-evaluation, "
                        "then generate the book and its Excel tables."),
                self.tr("An operations-centre university also fills <b>Licences → Ops-centre "
                        "summary table…</b>; where the notice asks for them, the <b>Contacts "
                        "sheet…</b> and the <b>Henan application and work plan…</b>."),
                self.tr("<b>Submission → Build a package…</b> with the Henan (or Xinyang) target, "
                        "then send it from the <b>Outbox…</b> as for Hubei."),
            ]),
            "<h3>", self.tr("Keeping the data safe"), "</h3>",
            "<p>", self.tr("Back up with <b>File → Back up to a file…</b>, not by copying the "
                           "database file while the program runs; <b>File → Restore from a "
                           "backup file…</b> reads the backup back."), "</p>",
        ])
