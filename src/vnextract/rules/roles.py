"""What each number is: a value, a change, a plan attainment or a share.

The words right before a number and right after its unit decide it:
"tăng 14,8% so với năm 2017" is a change, "bằng 100,8% kế hoạch" a plan
attainment, "chiếm 66% tổng …" a share, "bằng 96% cùng kỳ" a change of −4%,
"tăng lên 835 dự án" a value. Each role also consumes the words that belong
to it (the comparison, the plan noun), so the assembler can tell what is left.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

import regex

from ..text.serial import SERIAL
from .quantities import Quantity
from .words import inside_kept_word, trie_alternation, words

HUNDRED = Decimal(100)
_RESPECTIVELY = regex.compile(r"(?<![\p{L}])lần[ \t]++lượt(?![\p{L}])")
_IN_TURN_WORDS = r"(?<![\p{L}])(?:lần[ \t]++lượt|tương[ \t]++ứng)"
#: "lần lượt", and "tương ứng" where it hands out a list ("tăng tương ứng 26% và 35%").
IN_TURN = regex.compile(rf"{_IN_TURN_WORDS}(?![\p{{L}}])")
#: "tăng lần lượt 12,61% và 371%", "tăng lần lượt là 7,9%, 9,4%", "giảm tương ứng 5%": the change verb is before
#: these words.
_RESPECTIVELY_BEFORE = regex.compile(rf"{_IN_TURN_WORDS}(?:[ \t]++là)?+[ \t]*+\Z")
#: The bare verb of a move right before "lần lượt là": "tăng lần lượt là 7,9%, 9,4%" (not "mức tăng trưởng").
_MOVE_VERB_BEFORE = regex.compile(r"(?<![\p{L}])(?<!mức[ \t])(?:tăng|giảm)[ \t]++\Z")
_STOP_PHRASE = r"[,;:()\[\]\.!?…\"“”]|(?<![\p{L}\p{N}])(?:và|nhưng|bằng|đạt|chiếm|tăng|giảm|trong[ \t]+đó|đồng[ \t]+thời|riêng|còn|song|tuy[ \t]+nhiên|do|nhờ|chủ[ \t]+yếu|trong[ \t]+khi|là|xếp|góp[ \t]+phần|đưa|đã|giúp|khiến|làm)(?![\p{L}\p{N}])"


@dataclass
class ChangeDraft:
    direction: str
    percent: Decimal | None = None
    points: Decimal | None = None
    ratio: Decimal | None = None
    amount: Decimal | None = None
    unit: str | None = None
    bound: str = "exact"
    high: Decimal | None = None  # the upper end of a range of the change: "tăng 7 - 7,5%"
    reference: str | None = None
    #: "year" with ``ref_year``, "previous" (the year before the record's), or None.
    ref_rule: str | None = None
    ref_year: int | None = None


@dataclass
class Mention:
    q: Quantity
    role: str  # value | change | plan | share | contribution
    lead: int  # where the cue words before the number start
    end: int  # end of everything this mention consumes
    bound: str = "exact"
    change: ChangeDraft | None = None
    plan: Decimal | None = None
    share: Decimal | None = None
    contribution: Decimal | None = None
    #: For counts: the counted-noun phrase after the number ("dự án đầu tư mới").
    post: tuple[int, int] | None = None
    #: Spans inside this mention that periods must not be read from (comparisons, plans).
    shadow: list[tuple[int, int]] = field(default_factory=list)
    equivalent: bool = False
    #: A second statement of the change before it, in another measure: merged into that change.
    joins_change: bool = False
    #: "tăng 2,2 lần về số dự án": what this change is about, when the clause says it after the size.
    about: tuple[int, int] | None = None


@cache
def _res():
    # (tries: the same matches as the alternations, found sooner)
    plan_nouns = trie_alternation(words("plan", "nouns").words)
    exceed = trie_alternation(words("plan", "exceed").words)
    refs = trie_alternation(words("change", "reference").words)
    bare = trie_alternation(words("change", "reference_bare").words)
    alone = trie_alternation(words("change", "reference_bare_alone").words)
    return {
        "plan_after": regex.compile(rf"[ \t]*+(?:so[ \t]++với[ \t]++)?(?:{plan_nouns})(?![\p{{L}}\p{{N}}])"),
        # (the characters "plan_after" and "ref" can go on with past their spaces: neither is asked elsewhere)
        "plan_after_firsts": frozenset("s") | {w[0] for w in words("plan", "nouns").words},
        "ref_firsts": frozenset(w[0] for name in ("reference", "reference_bare", "reference_bare_alone")
                                for w in words("change", name).words),
        "exceed_plan_before": regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{exceed})[ \t]++(?:{plan_nouns})(?:[ \t]++năm)?[ \t]*+\Z"),
        # (a comparison may open on a date or a year: "so với 31/12/2020", "so với 2015"; never on "với")
        "ref": regex.compile(rf"[ \t]*+,?[ \t]*+(?:(?:{refs})[ \t]++(?P<phrase>(?!với(?![\p{{L}}]))(?:{bare}|\p{{L}}|(?=\d{{1,2}}/\d|(?:19|20)\d\d(?![\p{{N}}])))[^\n]{{0,80}}?)|(?P<bare>(?:{bare})[^\n]{{0,60}}?)|(?P<alone>(?:{alone})(?:[ \t]++đó)?+[ \t]*+))(?={_STOP_PHRASE}|\Z|\n)"),
        "phrase_end": regex.compile(rf"[^\n]{{0,80}}?(?={_STOP_PHRASE}|\d|(?<![\p{{L}}])với(?![\p{{L}}])|\Z|\n)"),
        "ref_year": regex.compile(r"(?<![\p{L}\p{N}/])(?P<y>(?:19|20)\d\d)(?![\p{N}])"),
        "bracket_gap": regex.compile(r"[ \t]*+\([ \t]*+\+?"),
        "restate_gap": regex.compile(r"[ \t]*+[,(]?[ \t]*+"),
        "about": regex.compile(r"[ \t]++về[ \t]++(?P<np>\p{L}[^,;()\n]{0,40}?)(?=[ \t]*+(?:,|;|\)|\.|\Z|\n|và[ \t]|nhưng[ \t]|song[ \t]|so[ \t]++với|so[ \t]|cùng[ \t]++kỳ))"),
        "and_gap": regex.compile(r"(?:[ \t]++về[ \t]++[^,;()\n]{1,40}?)?[ \t]*+(?:,|và)[ \t]*+"),
        "ref_sub_year": regex.compile(r"(?<![\p{L}])(?:tháng|quý|ngày|tuần|cả[ \t]++năm)(?![\p{L}])"),
        #: The edge of a year is a date, not a period: "cuối năm 2020", "đầu năm 2021" (decision 21).
        #: Two years: a span ("giai đoạn 2006-2010"), no year compared with.
        "ref_span": regex.compile(r"(?<![\p{N}])(?:19|20)\d\d[ \t]*+[-–][ \t]*+(?:19|20)?\d\d(?![\p{N}])"),
        "ref_edge": regex.compile(r"(?<![\p{L}])(?:cuối|đầu|giữa)[ \t]++năm(?![\p{L}])"),
        "ref_prev": regex.compile(r"(?<![\p{L}])(?:cùng[ \t]++kỳ|cùng[ \t]++thời[ \t]++điểm|năm[ \t]++(?:trước|ngoái))(?![\p{L}])"),
        "count_stop": regex.compile(
            r"[,;:()\[\]\.!?…\d]|(?<![\p{L}\p{N}])(?:với|tăng|giảm|so|bằng|chiếm|đạt|trong[ \t]+đó|và|nâng|(?:lên|xuống)(?=[ \t]++(?:\p{L}++[ \t]++){0,2}\d)|của|tại|là|có[ \t]+tổng|có[ \t]+vốn|từ|trong(?![ \t]+nước(?![\p{L}]))|thuộc|gồm|cùng|với|như|nhưng|song|hay(?![ \t]+nhất)|đối[ \t]+với|giai[ \t]+đoạn)(?![\p{L}\p{N}])"
        ),
    }


#: A move's size said as a level: "tăng trưởng mạnh mẽ ở mức", "đà tăng ở mức", "mức tăng mạnh mẽ nhất, ở mức",
#: "tăng trưởng hợp nhất đạt", "đạt mức tăng trưởng là" (decision 166). Not "tăng lên mức" (a level reached).
_GROWTH_AT = regex.compile(
    r"(?<![\p{L}])(?P<verb>(?:(?:mức|đà)[ \t]++)?(?P<dir>tăng|giảm)(?:[ \t]++trưởng)?+)"
    r"(?:[ \t]++(?:mạnh[ \t]++mẽ|mạnh|nhẹ|tốt|cao|hợp[ \t]++nhất|riêng[ \t]++lẻ|nhất)){0,3}+"
    r"[ \t]*+,?[ \t]*+(?:ở[ \t]++mức|đạt[ \t]++mức|đạt|là)[ \t]++\Z")


def _economy_growth(folded: str, lo: int, pos: int) -> bool:
    """Whether the clause before ``pos`` names an economy ("nền kinh tế", "GDP"): its growth rate is a value of
    its own ("tăng trưởng GDP" 6,3 %, as the real gold writes it), not the move of a level."""
    start = max(lo, max(folded.rfind(c, lo, pos) for c in ",;:(") + 1)
    return words("change", "economy").search(folded, start, pos) is not None


def _same_unit(a: str | None, b: str | None) -> bool:
    """Units of one list of sizes: equal, or one the other without its denominator ("300.000 đồng và
    150.000 đồng/lượng")."""
    if a is None or b is None:
        return False
    return a == b or a.split("/")[0] == b or b.split("/")[0] == a


def classify(q: Quantity, folded: str, lo: int, hi: int, prev: Mention | None = None) -> Mention | None:
    """Decide the role of quantity ``q`` inside the sentence ``folded[lo:hi]``.

    ``prev`` is the sentence's mention before it: a size after "và" continues its
    change ("lần lượt tăng 12% và 8%", "tăng 2,2 lần về số dự án và 4,5 lần về vốn").
    """
    r = _res()
    pos = lead = q.num_start
    end = q.end
    bound, bound_word = "exact", None
    negated = _negated().before(folded, pos, lo) if "không" in folded[max(lo, pos - 25):pos] else None
    if negated:  # "không cao hơn 2%": a bound, never a change
        under = " ".join(folded[negated[0]:negated[1]].split()) in _negated_under()
        bound, lead = ("under" if under else "over"), negated[0]
    verb_here = negated is None and (words("change", "increase").before(folded, pos, lo)
                                     or words("change", "decrease").before(folded, pos, lo))
    for name in (() if verb_here or negated else ("about", "under", "over")):
        b = words("bound", name).before(folded, lead, lo)
        if b and not inside_kept_word(folded, b[0], lo):
            bound, bound_word, lead = name, folded[b[0]:b[1]], b[0]
            break
    for name, b_name in (("over_after", "over"), ("under_after", "under")):
        tail = words("bound", name).after(folded, end, hi)
        if tail:
            bound, end = b_name, tail[1]
            break
    if q.high is not None:
        bound = "range"
    if negated:
        return _value(q, folded, lead, end, hi, bound) if q.category is not None else None

    # A contribution to growth: "đóng góp 3,2 điểm phần trăm (vào mức tăng chung)".
    if q.category in ("points", "percent") and "góp" in folded[max(lo, lead - 25):lead]:
        c = words("contribution", "before").before(folded, lead, lo)
        to_growth = words("contribution", "to_growth").after(folded, end, hi)
        if c and (q.category == "points" or to_growth):
            cend = _phrase_end(folded, to_growth[1], hi) if to_growth else end
            return Mention(q, "contribution", c[0], cend, contribution=q.value)

    # The same change restated: "giảm 1,69 điểm (-0,24%)", "tăng 1.200 tỷ đồng, tương ứng (tăng) 12%".
    if prev is not None and prev.role == "change" and q.category in ("percent", "points", "money", "measure", "count"):
        restated = r["bracket_gap"].fullmatch(folded, prev.end, q.num_start)
        eq = None if restated else words("change", "restate").before(folded, lead, lo)
        verb = None
        if eq is None and not restated:
            verb = words("change", "increase").before(folded, lead, lo) or words("change", "decrease").before(folded, lead, lo)
            if verb and (noun := _LEVEL_NOUN_BEFORE.search(folded, max(lo, verb[0] - 8), verb[0])):
                verb = (noun.start(), verb[1])  # "tăng 83,36 điểm (tương đương mức tăng 7,56%)"
            eq = words("change", "restate").before(folded, verb[0], lo) if verb else None
        if restated or (eq and eq[0] >= prev.end and r["restate_gap"].fullmatch(folded, prev.end, eq[0])):
            ch = ChangeDraft(prev.change.direction)
            if q.category == "percent":
                ch.percent = abs(q.value)
            elif q.category == "points":
                ch.points = q.value
            else:
                ch.amount, ch.unit = q.value, q.unit
            m = Mention(q, "change", (eq or verb or (q.num_start,))[0], end, change=ch, joins_change=True)
            return _with_reference(m, folded, hi)


    # Plan attainment: "bằng 100,8% kế hoạch", "vượt 11,7% kế hoạch", "vượt kế hoạch 11,7%".
    if q.category in ("percent", None) and q.high is None:
        w0 = max(lo, pos - 40)
        exceed_before = r["exceed_plan_before"].search(folded, w0, pos, SERIAL) \
            if words("plan", "exceed").may_occur(folded, w0, pos) else None
        plan_after = r["plan_after"].match(folded, end, hi, SERIAL) if _may_go_on(folded, end, r["plan_after_firsts"]) else None
        if plan_after or exceed_before:
            exceeds = bool(exceed_before) or (bound_word is not None and bound_word.startswith("vượt"))
            value = q.value + HUNDRED if exceeds else q.value
            if exceed_before:
                lead = exceed_before.start()
            else:
                verb = words("plan", "verbs").before(folded, lead, lo)
                if verb:
                    lead = verb[0]
            pend = _phrase_end(folded, plan_after.end(), hi) if plan_after else end
            m = Mention(q, "plan", _verb_start(folded, lead, lo), pend, plan=value)
            m.shadow.append((end, pend))
            return m

    # Share: "chiếm 66% …", "chiếm tỷ trọng 8,35%".
    if q.category in ("percent", None) and q.high is None \
            and not (q.category is None and words("not_record", "share_counted").after(folded, end, hi) is not None):
        # (a share range is a value range in % (decision 7); a bare number before a noun of ``[not_record] share_counted``
        # counts it, "chiếm 4 câu": no share, decision 304)
        sh = words("share", "before").before(folded, lead, lo)
        if sh:
            send = _phrase_end(folded, end, hi)
            return Mention(q, "share", sh[0], send, bound=bound, share=q.value)

    # A size after "và" continuing the change before it: "lần lượt tăng 12% và 8%", "2,2 lần … và 4,5 lần".
    # (also an amount in the same unit: "tăng mỗi chiều 180.000 đồng/lượng và 200.000 đồng/lượng")
    same_amount = q.category in ("money", "measure", "count") and prev is not None and prev.change is not None \
        and prev.change.amount is not None and _same_unit(prev.change.unit, q.unit)
    if prev is not None and prev.role == "change" and (bound == "exact" or same_amount) \
            and prev.q.category == q.category and (q.category in ("percent", "points", "ratio") or same_amount):
        gap = r["and_gap"].fullmatch(folded, prev.end, lead)
        # (a list's second item: "tăng lần lượt là 7,9%, 9,4%": the first holds "lần lượt")
        if gap and ("và" in gap.group() or _RESPECTIVELY.search(folded, lo, prev.end)):
            ch = ChangeDraft(prev.change.direction, bound=bound, high=q.high)
            if same_amount:
                ch.amount, ch.unit = q.value, q.unit
            else:
                setattr(ch, q.category, q.value)
            return _with_reference(Mention(q, "change", lead, end, bound=bound, change=ch), folded, hi)

    # A level reached by a change: "tăng lên 835 dự án", "giảm còn 2,5%".
    tl = words("change", "to_level").before(folded, lead, lo)
    if tl and q.category is not None:
        up = words("change", "increase").before(folded, tl[0], lo)
        verb = up or words("change", "decrease").before(folded, tl[0], lo)
        moved = None
        if not verb and q.category == "percent" and (mo := _MOVED_OBJECT.search(folded, max(lo, tl[0] - 48), tl[0])) \
                and _moves_an_amount(folded, mo.start("object"), tl[0]):
            verb = mo.span("verb")  # "đặt kế hoạch tăng doanh thu năm 2021 lên 20%": the verb before its object
            up = verb if mo.group("verb") == "tăng" else None
            tail = _OBJECT_PERIOD.search(folded, mo.start("object"), tl[0])
            moved = (mo.start("object"), tail.start() if tail else mo.end("object"))
        if verb and q.category == "percent" and _moves_an_amount(folded, max(lo, verb[0] - 48), tl[0]):
            # "lợi nhuận chỉ tăng lên 2%": an amount (money, a count) has no level in %, the move is its size
            ch = ChangeDraft("increase" if up else "decrease", bound=bound, high=q.high, percent=q.value)
            m = _with_reference(Mention(q, "change", _verb_start(folded, verb[0], lo), end, bound=bound, change=ch),
                                folded, hi)
            if moved is not None and m.about is None and moved[1] > moved[0]:
                m.about = moved  # (what moves is the verb's object: it names the record)
            return m
        if verb:
            return _value(q, folded, _verb_start(folded, verb[0], lo), end, hi, bound)

    # Ratio: "gấp 1,38 lần".
    if q.category == "ratio":
        v = words("change", "ratio").before(folded, lead, lo) or words("change", "increase").before(folded, lead, lo)
        if not v:
            return None
        vlead = v[0]
        if bound == "exact":  # "tăng gần gấp đôi", "hơn gấp 3 lần": the bound is before the ratio's verb
            for name in ("about", "under", "over"):
                b = words("bound", name).before(folded, vlead, lo)
                if b and not inside_kept_word(folded, b[0], lo):
                    bound, vlead = name, b[0]
                    break
        ch = ChangeDraft("increase", ratio=q.value, bound=bound, high=q.high)
        return _with_reference(Mention(q, "change", vlead, end, bound=bound, change=ch), folded, hi)

    # A change: "tăng 14,8%", "giảm 1,2 điểm phần trăm", "tăng 2.150 tỷ đồng" (also "tăng lần lượt 12%").
    w0 = max(lo, lead - 24)  # (the pattern asked only where its last words are)
    resp = _RESPECTIVELY_BEFORE.search(folded, w0, lead) \
        if folded.find("lượt", w0, lead) >= 0 or folded.find("ứng", w0, lead) >= 0 else None
    if resp is not None and resp.group().rstrip().endswith("là") \
            and not _MOVE_VERB_BEFORE.search(folded, max(lo, resp.start() - 16), resp.start()):
        resp = None  # "với mức tăng trưởng lần lượt là 54,5%": a level named by a noun (the growth's value)
    vlead = resp.start() if resp else lead
    inc = words("change", "increase").before(folded, vlead, lo)
    dec = None if inc else words("change", "decrease").before(folded, vlead, lo)
    if not (inc or dec) and q.category in ("percent", "points") and (k := _bracket_after_move(folded, lead, lo)):
        inc = words("change", "increase").before(folded, k, lo)  # "VPB tăng mạnh nhất (6,4%) lên 58.500 đồng"
        dec = None if inc else words("change", "decrease").before(folded, k, lo)
    if not (inc or dec) and q.category == "percent" and (g := _GROWTH_AT.search(folded, max(lo, vlead - 60), vlead)) \
            and not _economy_growth(folded, lo, g.start()):
        # "đã tăng trưởng mạnh mẽ ở mức 37,6%", "cũng ghi nhận đà tăng ở mức 5,8%", "tăng trưởng hợp nhất đạt 42%":
        # the size of the move, said as a level (decision 166)
        inc = (g.start(), g.end("verb")) if g.group("dir") == "tăng" else None
        dec = None if inc else (g.start(), g.end("verb"))
    verb = inc or dec
    if dec and "bị" in folded[max(lo, dec[0] - 4):dec[0]] and words("change", "not_change").before(folded, vlead, lo):
        verb = None  # "bị thiệt hại 155 ha": the damaged area
    elif dec and q.category not in ("points", "percent") and q.unit != "điểm" \
            and words("change", "loss_nouns").before(folded, vlead, lo):
        verb = None  # "tổng thiệt hại hơn 10 tỷ USD", "mức thiệt hại 911 triệu USD": a loss, not a fall
    if verb:
        ch = ChangeDraft("increase" if inc else "decrease", bound=bound, high=q.high)
        if q.category == "percent":
            ch.percent = q.value
        elif q.category == "points":
            ch.points = q.value
        elif q.category is None:
            if not (_reference(folded, end, hi) or _at_clause_end(folded, end, hi)):
                return None
            ch.percent = q.value  # "tăng 6,71 so với cùng kỳ": a missing % sign
        else:
            ch.amount, ch.unit = q.value, q.unit
        m = Mention(q, "change", _verb_start(folded, verb[0], lo), end, bound=bound, change=ch)
        return _with_reference(m, folded, hi)

    # "bằng 105,2% so với cùng kỳ": a change of +5,2%.
    if q.category in ("percent", None):
        same = words("change", "same_as").before(folded, lead, lo)
        ref = _reference(folded, end, hi) if same else None
        if same and not ref and prev is not None and prev.role == "value" and q.category == "percent" \
                and _level_after_head(folded, same[0], lead, end, lo, hi, prev):
            ref = True  # "So với năm 2015, diện tích hơn 694.000 ha, bằng 100,1%; …": the head's comparison
        if same and ref:
            delta = q.value - HUNDRED
            if delta == 0:
                return None  # "bằng 100% so với năm trước": no change, and no figure of 100%
            ch = ChangeDraft("increase" if delta >= 0 else "decrease", percent=abs(delta))
            return _with_reference(Mention(q, "change", same[0], end, change=ch), folded, hi)

    if q.category is None:
        return None
    m = _value(q, folded, lead, end, hi, bound)
    eq = words("change", "equivalent").before(folded, lead, lo)
    m.equivalent = eq is not None and not inside_kept_word(folded, eq[0], lo)
    return m


@cache
def _negated():
    from .words import WordSet

    return WordSet(words("bound", "negated_under").words + words("bound", "negated_over").words)


@cache
def _negated_under() -> frozenset[str]:
    return frozenset(" ".join(w.split()) for w in words("bound", "negated_under").words)


def _value(q: Quantity, folded: str, lead: int, end: int, hi: int, bound: str) -> Mention:
    m = Mention(q, "value", lead, end, bound=bound)
    if q.category == "count":
        m.post = _count_phrase(folded, q, hi)
        m.end = max(m.end, m.post[1])
    elif q.category == "percent":
        # "đạt 93,5% dân số": the base of a rate belongs to its figure.
        ps, pe = _count_phrase(folded, q, hi)
        if pe > q.end:
            m.post = (q.end + len(folded[q.end:pe]) - len(folded[q.end:pe].lstrip()), pe)
            m.end = pe
            tail = words("bound", "over_after").after(folded, pe, hi)
            if tail:  # "đạt 94,5% dân số trở lên"
                m.bound, m.end = "over", tail[1]
    return m


#: The words of a period that a count phrase stopped at the digits of ("… cuối năm" before "2023").
_PERIOD_TAIL = regex.compile(r"(?:[ \t]*+(?<![\p{L}])(?:cuối|đầu|giữa|hết|trong|vào|từ|đến|tới|tính|năm|tháng|quý|ngày|kỳ|phiên|hôm|sáng|chiều)"
                             r"(?![\p{L}]))++[ \t]*+\Z")


def _count_phrase(folded: str, q: Quantity, hi: int) -> tuple[int, int]:
    """The counted noun and its modifiers: "112 [dự án đầu tư mới], nâng …"."""
    s = q.base_start if q.base_start >= 0 else q.num_end
    while s < hi and folded[s] in " \t":
        s += 1
    stop = _res()["count_stop"].search(folded, q.end, min(hi, q.end + 60), SERIAL)
    e = stop.start() if stop else min(hi, q.end + 60)
    if stop and folded[e].isdigit():  # "2,1% cuối năm 2023", "112 dự án trong năm 2023": the period is no noun
        tail = _PERIOD_TAIL.search(folded, max(s, e - 30), e)
        e = tail.start() if tail else e
    if not stop:
        # cut at a word boundary
        while e > q.end and e < hi and folded[e - 1] not in " \t":
            e -= 1
    while e > s and folded[e - 1] in " \t":
        e -= 1
    return (s, max(e, q.end))


def _with_reference(m: Mention, folded: str, hi: int) -> Mention:
    about = _res()["about"].match(folded, m.end, hi)
    if about:  # "tăng 2,2 lần về số dự án và 4,5 lần về vốn": each size names what it is about
        m.about = about.span("np")
        m.end = about.end("np")
    ref = _reference(folded, m.end, hi)
    if not ref:
        return m
    phrase_span = ref.span("phrase") if ref.group("phrase") is not None else \
        ref.span("bare") if ref.group("bare") is not None else ref.span("alone")
    s, e = phrase_span
    while e > s and folded[e - 1] in " \t":
        e -= 1
    m.change.reference = (s, e)  # resolved to text by the assembler
    m.shadow.append((s, e))
    m.end = e
    m.change.ref_rule, m.change.ref_year = reference_year(folded[s:e])
    return m


def _may_go_on(folded: str, pos: int, firsts: frozenset[str], comma: bool = False) -> bool:
    """Whether a pattern that skips spaces and tabs at ``pos`` (and, with ``comma``, one comma among them) and then
    needs one of ``firsts`` can match there: False only where another character comes first. (A cheap test before
    the pattern; where the next few characters are all spaces it says True.)"""
    rest = folded[pos:pos + 12].lstrip(" \t")
    if comma and rest[:1] == ",":
        rest = rest[1:].lstrip(" \t")
    return not rest or rest[0] in firsts


def _reference(folded: str, pos: int, hi: int):
    """The comparison right after ``pos`` ("so với cùng kỳ", "cùng kỳ", "năm trước"): ``ref``'s match, or None."""
    r = _res()
    return r["ref"].match(folded, pos, hi, SERIAL) if _may_go_on(folded, pos, r["ref_firsts"], comma=True) else None


def reference_year(phrase: str) -> tuple[str | tuple | None, int | None]:
    """How a comparison names its year: ("year", 2017), ("previous", None), (("months", (10, 12)), 2015)
    or (None, None).

    Only comparisons to a year or to the same period of a year have one
    (docs/decisions.md 21): "tháng trước", "quý II", "cuối năm 2020" have none; a period of a
    stated year ("quý IV/2015", "cả năm 2019") has that year when it is the figure's own period,
    which the assembler knows: the rule then carries the period's months (None for a whole year).
    """
    r = _res()
    same_period = r["ref_prev"].search(phrase)
    if (r["ref_edge"].search(phrase) and not same_period) or r["ref_span"].search(phrase):
        return None, None
    if r["ref_sub_year"].search(phrase) and not same_period:
        from ..periods import find_mentions

        found = [p for p in find_mentions(phrase, 0, len(phrase), classify=False) if p.year is not None]
        if len(found) == 1 and (found[0].months is not None or found[0].shape == "whole"):
            return ("months", found[0].months), found[0].year
        return None, None
    y = r["ref_year"].search(phrase)
    if y:
        return "year", int(y.group("y"))
    if same_period:
        return "previous", None
    return None, None


#: A year that ends a share's or a plan's noun phrase: "chiếm 4,88% trên tổng số phải thu năm 2015, tăng …".
_PHRASE_YEAR = regex.compile(r"(?:19|20)\d\d(?![\p{N}/]|[.,]\d)")
_YEAR_WORD_END = regex.compile(r"(?<![\p{L}])năm[ \t]+\Z")


def _phrase_end(folded: str, pos: int, hi: int) -> int:
    m = _res()["phrase_end"].match(folded, pos, hi)
    e = m.end() if m else pos
    if m and (y := _PHRASE_YEAR.match(folded, e, hi)) and _YEAR_WORD_END.search(folded, max(pos, e - 8), e):
        e = y.end()  # (the year is the phrase's, not a figure: what follows it still attaches to the figure)
    while e > pos and folded[e - 1] in " \t":
        e -= 1
    return e


#: "So với cùng kỳ năm 2015, …" at the head of a sentence (records.py reads its reference).
_SO_VOI_HEAD = regex.compile(r"[ \t]*+(?:(?:cụ[ \t]++thể|trong[ \t]++đó|theo[ \t]++đó)[ \t]*+,[ \t]*+)?+so[ \t]++với[ \t]++[^,;:\n]{1,60}?[ \t]*+,(?!\d)")
#: Only "bằng" is a level of the head's reference; "đạt 82% diện tích" is a share or a plan.
_LEVEL_VERB = regex.compile(r"(?:ước[ \t]++)?bằng[ \t]++")
#: Right after the figure it compares: ", bằng" (nothing but the comma and spaces between).
_COMMA_GAP = regex.compile(r"[ \t]*+,[ \t]*+")


def _level_after_head(folded: str, s: int, lead: int, end: int, lo: int, hi: int, prev: Mention) -> bool:
    """A bare "bằng X%" right after a figure, at the end of its clause, in a sentence headed by "so với …,"."""
    return _LEVEL_VERB.fullmatch(folded, s, lead) is not None \
        and _COMMA_GAP.fullmatch(folded, prev.end, s) is not None \
        and _at_clause_end(folded, end, hi) and _SO_VOI_HEAD.match(folded, lo, hi) is not None


def _at_clause_end(folded: str, pos: int, hi: int) -> bool:
    rest = folded[pos:min(hi, pos + 3)].lstrip(" \t")
    return not rest or rest[0] in ",;.)(:"


_LEVEL_NOUN_BEFORE = regex.compile(r"(?<![\p{L}])mức[ \t]++\Z")
_BRACKET_AFTER_MOVE = regex.compile(r"(?:[ \t]++nhất)?+[ \t]*+[(][ \t]*+\Z")


_OBJECT_PERIOD = regex.compile(r"[ \t]++(?:năm|tháng|quý|trong|giai[ \t]++đoạn|từ|đến|so[ \t]++với)(?![\p{L}])")
_MOVED_OBJECT = regex.compile(r"(?<![\p{L}])(?P<verb>tăng|giảm)[ \t]++(?P<object>[^,;:()%\n]{2,40}+)\Z")


def _moves_an_amount(folded: str, start: int, end: int) -> bool:
    """Whether the words before a move "lên X%" name an amount, not a rate (``[move] amount_heads``, none of
    ``rate_words``): "lợi nhuận chỉ tăng lên 2%" is a rise of 2%, "tỷ lệ nợ xấu tăng lên 2%" a level (decision 307)."""
    return words("move", "amount_heads").search(folded, start, end) is not None \
        and words("move", "rate_words").search(folded, start, end) is None


def _bracket_after_move(folded: str, lead: int, lo: int) -> int | None:
    """Where a change verb would end when the size at ``lead`` opens a bracket after it, past "nhất" ("VPB vẫn
    tăng mạnh nhất (6,4%) lên 58.500 đồng": the move's size, not the price); None when no bracket opens there."""
    k = lead
    while k > lo and folded[k - 1] in " \t":
        k -= 1
    if k <= lo or folded[k - 1] != "(":
        return None
    m = _BRACKET_AFTER_MOVE.search(folded, max(lo, lead - 12), lead)
    return m.start() if m else None


def _verb_start(folded: str, lead: int, lo: int) -> int:
    """Extend a lead over an estimate cue right before it ("ước tăng", "dự kiến đạt")."""
    est = words("kind", "estimate").before(folded, lead, lo)
    return est[0] if est else lead
