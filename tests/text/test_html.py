"""Article text from HTML: records come from the article, not from the page's menus, related links or comments."""
from pathlib import Path

import pytest

from vnextract import extract
from vnextract.text import html as H

PAGE = (Path(__file__).parent / "article.html").read_text(encoding="utf-8")
#: The article's own sentences (headline, lead, body); everything else on the page is chrome.
ARTICLE = [
    "Xuất khẩu thủy sản quý III tăng mạnh",
    "Trong quý III/2024, kim ngạch xuất khẩu thủy sản của cả nước ước đạt 2,8 tỷ USD, tăng 11,5% so với cùng kỳ năm trước.",
    "Theo Hiệp hội Chế biến và Xuất khẩu thủy sản, sau chín tháng, tổng kim ngạch xuất khẩu thủy sản đạt 7,1 tỷ USD, "
    "tăng 8,2% so với cùng kỳ năm 2023 và bằng 71% kế hoạch năm.",
    "Trong đó, xuất khẩu tôm đạt 2,9 tỷ USD, chiếm 41% tổng kim ngạch. Giá tôm thẻ trung bình trong quý tăng 6% so với quý trước.",
    "Các doanh nghiệp kỳ vọng cả năm 2024 kim ngạch xuất khẩu thủy sản sẽ đạt khoảng 10 tỷ USD.",
]
CHROME = ["VN-Index", "Tin liên quan", "gạo", "du lịch", "cà phê", "Chia sẻ", "Đọc nhiều", "xăng", "ngân sách",
          "Bình luận", "lương", "lỗ 200", "Giấy phép", "Điện thoại", "Trang chủ"]


def _check(text: str) -> None:
    for line in ARTICLE:
        assert line in text
    for word in CHROME:
        assert word not in text, word
    ex = extract(text)
    assert sorted(float(r.value) for r in ex.records if r.value is not None) == [2.8, 2.9, 7.1, 10]
    for r in ex.records:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert any(r.evidence.text in line for line in ARTICLE), r.evidence.text


def test_trafilatura_keeps_the_article_its_headline_and_lead():
    pytest.importorskip("trafilatura")
    text = H.html_to_text(PAGE)
    _check(text)
    assert text.splitlines()[:2] == ARTICLE[:2]  # the document frame (quý III/2024) is read from them


def test_the_stdlib_fallback_drops_the_same_chrome():
    _check(H.stdlib_text(PAGE))


def test_the_fallback_is_used_when_trafilatura_finds_no_article():
    # a fragment too short for trafilatura
    assert H.html_to_text("<p>Năm 2023, doanh thu đạt 5 tỷ đồng.</p>") == "Năm 2023, doanh thu đạt 5 tỷ đồng."


def test_fallback_skips_a_chrome_element_up_to_its_own_end_tag():
    page = ('<div class="comment-list"><div><p>Lãi 5 tỷ</p></div><img class="share-icon"><p>lỗ 3 tỷ</p></div>'
            '<p>Doanh thu đạt 9 tỷ đồng.</p><img class="share-icon"><p>Lợi nhuận đạt 2 tỷ đồng.</p>'
            '<div id="mainNav">Menu</div><div role="navigation">Trang</div><ul class="navbar"><li>Tin</li></ul>'
            '<p class="canvas-note">Vốn đạt 1 tỷ đồng.</p>')
    assert H.stdlib_text(page) == "Doanh thu đạt 9 tỷ đồng.\nLợi nhuận đạt 2 tỷ đồng.\nVốn đạt 1 tỷ đồng."


@pytest.mark.parametrize("attrs, chrome", [
    ({"class": "box-related related-news"}, True), ({"id": "comments"}, True), ({"class": "social_share"}, True),
    ({"class": "Breadcrumbs"}, True), ({"role": "complementary"}, True),
    ({"class": "article-body"}, False), ({"class": "canvas"}, False), ({"class": "unshared"}, False),
])
def test_chrome_is_told_by_the_words_of_class_id_and_role(attrs, chrome):
    assert H.is_chrome("div", attrs) is chrome


@pytest.mark.parametrize("to_text", [H.html_to_text, H.stdlib_text], ids=["auto", "stdlib"])
def test_inline_markup_never_cuts_a_sentence_of_a_short_page(to_text):
    # below 250 characters trafilatura's own fallback kept the menu and made "tăng 3%" a line of its own
    page = ('<html><body><nav>Trang chủ | Kinh tế 2024</nav><article><p>Năm 2023, lợi nhuận <b>tăng 3%</b>, '
            'doanh thu <a href="/x">đạt 5 tỷ đồng</a>.</p></article><div class="footer">Hotline 1900 1234</div>'
            '</body></html>')
    assert to_text(page) == "Năm 2023, lợi nhuận tăng 3%, doanh thu đạt 5 tỷ đồng."
