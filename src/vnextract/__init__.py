"""vnextract: statistics from Vietnamese economic press releases, as validated records.

>>> from vnextract import extract
>>> extract("Năm 2018, kim ngạch xuất khẩu ước đạt 2.312 triệu USD.").records[0].value
Decimal('2312')
"""
from .api import extract, extract_many, load
from .frame import to_frame
from .schema import Amount, Change, Evidence, Extraction, Record
from .tabulate import table

__version__ = "0.1.0"
__all__ = ["Amount", "Change", "Evidence", "Extraction", "Record", "extract", "extract_many", "load", "table", "to_frame", "__version__"]
