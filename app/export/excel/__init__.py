"""Excel tables: the summary list workbook (summary_list) and patent-list import (patent_list).

openpyxl is imported by these modules only, when a table is written or read, so the window
starts without it. openpyxl parses the workbook XML through defusedxml when that is installed
(`openpyxl.xml.DEFUSEDXML`); a test checks it is.
"""
