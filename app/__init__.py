"""Licence Desk (专利开放许可填报助手).

Name and version live here once; the window, the command line and build.spec import them.
"""

__app_name__ = "Licence Desk"
__app_name_zh__ = "专利开放许可填报助手"
__version__ = "0.1.0"
ORGANISATION_NAME = "LicenceDesk"
APP_ID = "licence-desk"
