"""The score workbook: one ``.xlsx`` per committee member, filled in Excel or LibreOffice.

:func:`build_workbook` (:mod:`app.offline.card_writer`) issues a member's card and
:func:`read_workbook` (:mod:`app.offline.card_reader`) checks a returned one; the layout
both share is in :mod:`app.offline.card_layout`.
"""

from app.offline.card_reader import read_workbook
from app.offline.card_writer import build_workbook

__all__ = ["build_workbook", "read_workbook"]
