"""Bytes in every form Vietnamese text arrives in are read right, and what was guessed is said."""
import codecs
import unicodedata

import pytest

from vnextract.text.decode import _tcvn3, _vni, decode, decode_tcvn3, decode_vni, encode_cp1258, vietnamese_share
from vnextract.text.html import html_to_text, looks_like_html

TEXT = "Năm 2023, giá trị sản xuất công nghiệp ước đạt 90.260 tỷ đồng, tăng 14,8% so với cùng kỳ; thuỷ sản, dịch vụ đều tăng."
to_cp1258 = encode_cp1258


def to_tcvn3(text: str) -> bytes:
    inverse = {c: b for b, c in _tcvn3().items()}
    return bytes(inverse.get(c, None) or ord(c) for c in unicodedata.normalize("NFC", text))


def test_utf8_with_and_without_bom():
    assert decode(TEXT.encode("utf-8"), "a.txt") == (TEXT, [])
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt") == (TEXT, [])


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom(codec):
    data = TEXT.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    text, warnings = decode(data, "a.txt")
    assert text == TEXT
    assert "a.txt: decoded as UTF-" in warnings[0]


def test_windows_1258():
    text, warnings = decode(to_cp1258(TEXT), "cu.txt")
    assert text == unicodedata.normalize("NFC", TEXT)
    assert "decoded as Windows-1258" in warnings[0] and "cu.txt" in warnings[0]


def test_tcvn3():
    lower = TEXT.lower()  # TCVN3 keeps capitals with tones in separate fonts: case is lost
    text, warnings = decode(to_tcvn3(lower), "abc.txt")
    assert text == unicodedata.normalize("NFC", lower)
    assert "decoded as TCVN3" in warnings[0]
    # a hand-encoded sample: "Giá trị sản xuất" in TCVN3 bytes
    assert decode_tcvn3(b"Gi\xb8 tr\xde s\xb6n xu\xcat") == "Giá trị sản xuất"


def to_vni(text: str) -> bytes:
    inverse = {c: seq for seq, c in _vni()[0].items()}
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text)).encode("latin-1")


def test_vni():
    text, warnings = decode(to_vni(TEXT), "vni.txt")
    assert text == unicodedata.normalize("NFC", TEXT)
    assert "decoded as VNI" in warnings[0]
    # hand-encoded samples of the VNI layout
    assert decode_vni("Xin chaøo caùc baïn".encode("latin-1")) == "Xin chào các bạn"
    assert decode_vni("Giaù trò saûn xuaát coâng nghieäp ñaït".encode("latin-1")) == "Giá trị sản xuất công nghiệp đạt"
    assert decode_vni("Ñoàng Nai, thuûy saûn, xuaát khaåu".encode("latin-1")) == "Đồng Nai, thủy sản, xuất khẩu"


def test_invalid_utf8_is_replaced_and_located():
    data = "Doanh thu đạt 5 tỷ đồng".encode("utf-8") + b"\xff\xfe\xfa" + " năm 2023".encode("utf-8")
    text, warnings = decode(data, "x.txt")
    assert "\ufffd" in text and text.startswith("Doanh thu đạt 5 tỷ đồng")
    assert warnings == [f"x.txt: invalid UTF-8 at byte {len('Doanh thu đạt 5 tỷ đồng'.encode())}; undecodable bytes replaced with U+FFFD"]


def test_vietnamese_share_tells_text_from_mojibake():
    assert vietnamese_share(TEXT) == 1.0
    assert vietnamese_share(to_tcvn3(TEXT).decode("latin-1")) < 0.5


def test_html_to_text():
    html = """<!doctype html><html><head><title>t</title><style>p{}</style></head><body>
    <nav>Trang chủ | Kinh tế</nav><article><h1>Kinh tế tháng 10</h1>
    <p>Năm 2023, doanh thu&nbsp;đạt 5 tỷ đồng.</p><script>var x = "10 tỷ đồng";</script>
    <p>Lợi nhuận <b>tăng 3%</b>.</p></article></body></html>"""
    assert looks_like_html(html)
    assert html_to_text(html) == "Kinh tế tháng 10\nNăm 2023, doanh thu đạt 5 tỷ đồng.\nLợi nhuận tăng 3%."
