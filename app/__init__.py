"""Licence Desk (专利开放许可填报助手).

Name and version live here once; the window, the command line and build.spec import them.
"""

import os as _os

__app_name__ = "Licence Desk"
__app_name_zh__ = "专利开放许可填报助手"
__version__ = "0.1.0"
ORGANISATION_NAME = "LicenceDesk"
APP_ID = "licence-desk"

# openpyxl parses and writes with lxml whenever lxml can be imported (python-docx brings it),
# and then skips defusedxml and writes other bytes. The spreadsheets are specified and tested
# with the standard library parser guarded by defusedxml: pin that choice before any import
# of openpyxl, here at the top of the package, whatever else is installed.
_os.environ["OPENPYXL_LXML"] = "False"
