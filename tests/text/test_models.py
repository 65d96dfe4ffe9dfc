"""underthesea's models load safely when several threads use vnextract first, in a fresh process."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

# Each fresh process starts 4 threads at a barrier; every thread extracts texts that make
# underthesea split sentences and segment words, then prints whether it got the same
# records as the main thread afterwards. Before the lock, about one process in two
# failed with "'NoneType' object has no attribute 'process'".
SCRIPT = textwrap.dedent('''
    import json, sys, threading
    from vnextract import extract

    TEXTS = [
        "Năm 2023, doanh thu bán lẻ hàng hóa của tỉnh ước đạt 5.200 tỷ đồng, tăng 12% so với năm 2022. "
        "Tổng vốn đầu tư trực tiếp nước ngoài đăng ký mới đạt 310 triệu USD.",
        "Kim ngạch xuất khẩu 6 tháng đầu năm đạt 2.312 triệu USD. Sản lượng lúa cả năm đạt 1,2 triệu tấn.",
    ]
    barrier = threading.Barrier(4)
    results, errors = [], []

    def run():
        barrier.wait()
        try:
            results.append([extract(t).model_dump_json() for t in TEXTS])
        except Exception as e:
            errors.append(repr(e))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads: t.start()
    for t in threads: t.join()
    after = [extract(t).model_dump_json() for t in TEXTS]
    print(json.dumps({"errors": errors, "same": all(r == after for r in results), "runs": len(results)}))
''')


def test_threads_of_a_fresh_process_extract_without_a_model_race():
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-2000:]
        report = json.loads(out.stdout.strip().splitlines()[-1])
        assert report == {"errors": [], "same": True, "runs": 4}


POS_TEXTS = [
    "Năm 2023, kim ngạch xuất khẩu của tỉnh Long An đạt 8.250 triệu USD",
    "Công ty Cổ phần Thép Hòa Phát với tổng vốn đầu tư",
    "NT2 đã đạt",
    "Tổng cục Thống kê  cho biết",  # a double space: a word with an empty piece
    "Ngân hàng Nhà nước",
    "vốn",
    "",
]


def test_pos_tags_agree_with_underthesea_pos_tag_and_its_features():
    """The one-pass POS features are the very strings underthesea's predictor builds, so the tags are its tags."""
    from underthesea import pos_tag, word_tokenize
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    from vnextract.text.models import POS_TEMPLATE, pos_features, pos_tags

    predictor = CRFPOSTagPredictor.Instance()
    assert predictor.transformer.template == POS_TEMPLATE
    for text in POS_TEXTS:
        words = word_tokenize(text)
        assert pos_features(words) == predictor.transformer.transform([[(w, "X") for w in words]])[0][0], text
        assert pos_tags(text) == pos_tag(text), text
    assert [t for _, t in pos_tags("Công ty Cổ phần Thép Hòa Phát với tổng vốn đầu tư")] == \
        [t for _, t in pos_tag("Công ty Cổ phần Thép Hòa Phát với tổng vốn đầu tư")] != []


SENTENCE_TEXTS = [
    "Xin chào. Tôi là Claude... Anh ấy? Vâng!! 1.500.000 đồng. TP. HCM đạt 5 tỷ đồng.",
    "Doanh thu đạt 3.2 tỷ. vs. Dr. Nam... và 15.12.2025 ... Cuối cùng.. hết.  \t",
    "Giá vàng tăng…  Sau đó? (xem thêm). T. Hà: e.g. a.i. xong.\nDòng mới.\r\nHết",
    "...", ". . .", "a.b.c. D", "5. 6", "5.6", "5 .6", "?!?", "", "   ", "Không có dấu chấm",
]


def test_sentences_agree_with_underthesea_sent_tokenize():
    """The sentence loop that jumps from mark to mark cuts where underthesea's character-by-character one does."""
    from hypothesis import given, settings, strategies as st

    from vnextract.text.models import split_sentences

    split_sentences("Khởi động.")  # (loads underthesea's tokenizer)
    from underthesea.pipeline.sent_tokenize import PunktSentenceTokenizer, sentence_tokenizer

    slow = PunktSentenceTokenizer.sentences_from_text.__get__(sentence_tokenizer)
    assert split_sentences is not slow
    for text in SENTENCE_TEXTS:
        assert split_sentences(text) == slow(text), text
    assert len(split_sentences(SENTENCE_TEXTS[0])) >= 5

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(list(".?!…  \t\n\raĐễ1T") + ["tp", "Dr", "e.g", "000"]), max_size=40).map("".join))
    def agrees(text):
        assert split_sentences(text) == slow(text)

    agrees()


def test_words_agree_with_underthesea_word_tokenize():
    """The word segmenter that reads each token as its whole match gives underthesea's words, with and
    without its token normalisation (URLs, e-mails, numbers, dates, abbreviations, signs, spacing)."""
    from underthesea import word_tokenize

    from vnextract.text.models import _fast_word_tokenize, segment_words

    fast = _fast_word_tokenize()
    assert fast is not word_tokenize
    texts = POS_TEXTS + SENTENCE_TEXTS + [
        "Theo TP.HCM, ngày 15/10/2023 giá vàng SJC đạt 66,85 triệu đồng/lượng (+0,3%), xem https://vnexpress.net/a.",
        "Liên hệ a.b@gmail.com hoặc 0236.3822.123; GDP tăng 5,05% — cao nhất từ 2019! Ông Nguyễn Văn A nói :)",
        "Hoà bình, thuỷ sản, khoẻ mạnh: 1.200.000 đ, 3-4 tỷ USD, Covid-19, H5N1, 24/7, v.v.",
    ]
    for text in texts:
        for normalise in (False, True):
            assert fast(text, use_token_normalize=normalise) == word_tokenize(text, use_token_normalize=normalise), text
    assert segment_words("Kim ngạch xuất khẩu tăng") == ["Kim ngạch", "xuất khẩu", "tăng"]


def test_segmenter_features_are_the_rust_featurizers_strings():
    """``ws_features`` builds the very strings underthesea_core's featurizer builds, for every character of the
    blocks it is used on (cased alike by Python and by the Rust build) and for tokens of the genre, so the
    segmenter's tags are its tags; a text with a letter outside those blocks keeps the Rust featurizer."""
    import sys

    from underthesea import word_tokenize

    from vnextract.text.models import _WS_SAFE, WS_TEMPLATE, _fast_word_tokenize, _ws_dictionary, ws_features

    word_tokenize("khởi động")
    module = sys.modules["underthesea.pipeline.word_tokenize"]
    featurizer = module.word_tokenize_model.featurizer
    dictionary = _ws_dictionary(module.__file__)
    assert dictionary is not None and len(WS_TEMPLATE) == 43
    sentences = [["Năm", "2023", ",", "kim", "ngạch", "xuất", "khẩu", "của", "tỉnh", "Long", "An", "đạt", "8.250",
                  "triệu", "USD", ",", "tăng", "12", "%"], ["-5", "+5", "2147483647", "2147483648", "-2147483649", "007",
                  "1.5", "Ab", "ĐÔNG"], ["x"], ["Hà", "Nội"], ["1", "2"]]
    chars = [chr(c) for c in range(0x24F) if chr(c) != " "] + [chr(c) for c in range(0x300, 0x370)] \
        + [chr(c) for c in range(0x1E00, 0x1F00)] + [chr(c) for c in range(0x2000, 0x2070)] \
        + [chr(c) for c in range(0x20A0, 0x20D0)]
    sentences += [[c, "a" + c, c + "A", "Đ" + c, c + "ư"] for c in chars if _WS_SAFE.fullmatch(c)]
    expected = featurizer.process([[[t] for t in s] for s in sentences])
    assert [ws_features(s, dictionary) for s in sentences] == expected
    assert ws_features(["Hà", "Nội"], dictionary)[0][33] == "T[0].is_in_dict=True"
    assert not _WS_SAFE.fullmatch("ƛ") and _WS_SAFE.fullmatch("Đồng bằng “sông” Cửu Long – 5 €")
    fast = _fast_word_tokenize()
    for text in ("Giá ƛ tăng 5%", "Giá Ω tăng 5%", "Kim ngạch xuất khẩu đạt 8.250 triệu USD"):
        assert fast(text, use_token_normalize=False) == word_tokenize(text, use_token_normalize=False), text
