"""Word (.docx) documents for negotiated text (the licence contract), written with python-docx.

Why python-docx: the contract is negotiated, so the clerk and the licensee edit it in Word or
WPS; a .docx built from Word's own default template by a long-maintained library (MIT, pure
Python, no Office needed) opens in Word, WPS and LibreOffice alike, which a hand-assembled
WordprocessingML package or an RTF file would have to prove again.
"""

from app.export.docx.contract import render_contract_docx

__all__ = ["render_contract_docx"]
