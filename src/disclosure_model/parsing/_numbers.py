"""Numbers as reports write them: Arabic, full-width, Chinese numerals, 万/亿, units, percentages.

A figure in a report's prose is read into a :class:`NumberMention`: the value exactly as
written (an ``int``, or a :class:`~decimal.Decimal` when written with decimals — never a
float), how many decimals were written, the 万/亿 scale, the unit, the words that make it
approximate (余, 以上, 不到, 约 …) and where it stands in the text.

>>> parse_number("一百二十九件").value
129
>>> m = parse_number("1.2万")
>>> m.value, m.written, m.scale, m.decimals
(12000, Decimal('1.2'), 10000, 1)
>>> parse_number("百分之二十三点二").value
Decimal('23.2')
>>> [(m.value, m.unit) for m in find_numbers("收到申请１２９件，占23.2％")]
[(129, '件'), (Decimal('23.2'), None)]

Spans are positions in the text as given: :func:`fold` only ever replaces one character by
one character, so the folded text lines up with the original.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
from attrs import frozen

from disclosure_model.claims import Approximation, ClaimKind
from disclosure_model.errors import ValidationError

__all__ = [
    "COUNT_UNITS",
    "NumberMention",
    "find_numbers",
    "fold",
    "parse_chinese_integer",
    "parse_number",
]

# --------------------------------------------------------------------------------------------
# Folding: full-width forms and the traditional characters of the words we read, one for one.

_TRADITIONAL = (
    "萬万億亿兩两餘余條条項项個个場场點点貳贰陸陆"
    "開开報报縣县鄉乡區区鎮镇辦办務务門门會会員员總总體体況况動动請请處处復复議议訴诉訟讼"
    "題题進进發发時时間间單单關关於于規规範范數数統统計计現现對对內内廳厅衛卫運运營营"
    "號号財财監监廣广東东雲云閱阅覽览網网絡络電电傳传來来這这應应為为與与產产業业審审"
    "結结轉转銷销廢废製制屬属構构據据級级稱称據据構构確确認认護护權权費费黨党機机實实"
    "園园區区歲岁書书義义經经濟济龍龙門门問问題题決决況况課课導导類类屆届準准備备鑒鉴"
    "團团壓压聯联線线組组織织莊庄蘇苏蘭兰遼辽陝陕貴贵寧宁齊齐魯鲁"
)
_FOLD_TABLE: dict[int, int] = {i + 0xFF01: i + 0x21 for i in range(0x5E)}  # ！..～ → !..~
_FOLD_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0x202F: 0x20})
_FOLD_TABLE.update(
    {ord(a): ord(b) for a, b in zip(_TRADITIONAL[::2], _TRADITIONAL[1::2], strict=True)}
)


def fold(text: str) -> str:
    """The text with full-width forms made ASCII and traditional characters simplified.

    Only one-for-one replacements, so positions in the result are positions in ``text``;
    only the characters of numbers, units and the words the parsers look for are folded.

    >>> fold("１２９件，占２３．２％")
    '129件,占23.2%'
    >>> fold("政府信息公開工作年度報告")
    '政府信息公开工作年度报告'
    """
    return text.translate(_FOLD_TABLE)


# --------------------------------------------------------------------------------------------
# Chinese numerals.

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_TENS = {"廿": "二十", "卅": "三十"}


def _bad(text: str, why: str) -> ValidationError:
    return ValidationError.at("$", f"cannot read {text!r} as a number: {why}")


def _below_wan(part: str, whole: str) -> int:
    """A Chinese numeral below 10000 (no 万/亿 in ``part``)."""
    value = 0
    pending: int | None = None
    last_unit = 10_000
    after_zero = False
    previous_was_unit = False
    digit_follows_unit = False
    for ch in part:
        if ch in _CN_DIGITS:
            if pending is not None:
                raise _bad(whole, "two digits without a unit between them")
            d = _CN_DIGITS[ch]
            if d == 0:
                after_zero = True
                previous_was_unit = False
                continue
            pending = d
            digit_follows_unit = previous_was_unit
            previous_was_unit = False
        else:
            unit = _CN_SMALL[ch]
            if unit >= last_unit:
                raise _bad(whole, f"{ch} after a larger or equal unit")
            if pending is None:
                # 十二 (12) and 一百零十 (110) write 十 without its 一; no other unit may.
                if unit != 10 or (value and not after_zero):
                    raise _bad(whole, f"{ch} without a digit")
                pending = 1
            value += pending * unit
            pending = None
            last_unit = unit
            after_zero = False
            previous_was_unit = True
    if pending is not None:
        # 三百五 is 350 and 两千五 is 2500: a last digit straight after a unit counts in the
        # next unit down; after 零 (三百零五) or alone it counts ones.
        if digit_follows_unit and not after_zero and last_unit > 10:
            value += pending * (last_unit // 10)
        else:
            value += pending
    return value


def _below_yi(part: str, whole: str) -> int:
    if "万" not in part:
        return _below_wan(part, whole)
    high, _, low = part.partition("万")
    if "万" in low:
        raise _bad(whole, "万 twice")
    if not high:
        raise _bad(whole, "万 without a number before it")
    if len(low) == 1 and low in _CN_DIGITS and _CN_DIGITS[low]:
        return _below_wan(high, whole) * 10_000 + _CN_DIGITS[low] * 1000  # 一万二 = 12000
    return _below_wan(high, whole) * 10_000 + _below_wan(low, whole)


def parse_chinese_integer(text: str) -> int:
    """A whole number written in Chinese numerals: ``一百二十九`` → 129.

    Also ``两千零五`` (2005), ``十二`` (12), ``廿三`` (23), ``一万二`` (12000), ``三亿`` and
    digit-by-digit forms as years are written (``二〇一八`` → 2018). Raises
    :class:`~disclosure_model.errors.ValidationError` for anything else.

    >>> parse_chinese_integer("两千零五")
    2005
    >>> parse_chinese_integer("二〇一八")
    2018
    """
    s = text.strip()
    for short, long in _CN_TENS.items():
        s = s.replace(short, long)
    if not s or any(ch not in _CN_DIGITS and ch not in _CN_SMALL and ch not in "万亿" for ch in s):
        raise _bad(text, "not a Chinese numeral")
    if len(s) > 1 and all(ch in _CN_DIGITS for ch in s):
        if s[0] in "零〇" and len(s) > 1 and s != "零" * len(s):
            raise _bad(text, "a leading zero")
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    if s.count("亿") > 1:
        raise _bad(text, "亿 twice")
    high, sep, low = s.partition("亿")
    if not sep:
        return _below_yi(s, text)
    if not high:
        raise _bad(text, "亿 without a number before it")
    if len(low) == 1 and low in _CN_DIGITS and _CN_DIGITS[low]:
        return _below_yi(high, text) * 10**8 + _CN_DIGITS[low] * 10**7  # 三亿五
    return _below_yi(high, text) * 10**8 + (_below_yi(low, text) if low else 0)


# --------------------------------------------------------------------------------------------
# The mention pattern.

#: Counting units of figures, longest first (so 人次 wins over 人 and 万元 over 元).
COUNT_UNITS = (
    "个百分点",
    "人次",
    "万元",
    "亿元",
    "大类",
    "场次",
    "家次",
    "件次",
    "户次",
    "件",
    "条",
    "次",
    "篇",
    "个",
    "人",
    "元",
    "项",
    "期",
    "场",
    "家",
    "份",
    "名",
    "户",
    "批",
    "类",
    "处",
    "所",
    "台",
    "套",
    "部",
    "封",
    "页",
    "册",
    "张",
    "位",
    "轮",
    "款",
    "宗",
    "起",
    "例",
    "则",
    "组",
    "块",
    "幅",
    "本",
)
#: Words after a number that make it a duration or a date, not a count.
_NOT_COUNTS = ("个工作日", "工作日", "个月", "个小时", "小时", "个季度", "个星期", "周岁")

_CN_DIGIT_CLASS = "〇零一二三四五六七八九两壹贰叁肆伍陆柒捌玖"
_CN_START = _CN_DIGIT_CLASS + "十拾廿卅"
_CN_ALL = _CN_START + "百千佰仟万亿"
_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_CN = rf"[{_CN_START}][{_CN_ALL}]*(?:点[{_CN_DIGIT_CLASS}]+)?"
_GAP = r"[ \t]*\n?[ \t]*"
_UNIT_ALT = "|".join(re.escape(u) for u in sorted((*COUNT_UNITS, *_NOT_COUNTS), key=len)[::-1])

_MENTION = re.compile(
    rf"""
    (?P<pre>大约|将近|超过|不到|不足|约|(?<![最附])近|超|逾)?[ \t]*
    (?:
        百分之(?P<pnum>百|{_ARABIC}|{_CN})
      | (?P<num>{_ARABIC}|{_CN})(?:{_GAP}(?P<mag>亿|万)(?!元))?
    )
    (?:{_GAP}(?P<more>余|多))?
    (?:{_GAP}(?:(?P<pct>%)|(?P<unit>{_UNIT_ALT})))?
    (?:[ \t]*(?P<post>以上|以下|左右))?
    """,
    re.VERBOSE,
)
_ARABIC_FULL = re.compile(rf"{_ARABIC}\Z")
_IDENTIFIER_BEFORE = re.compile(r"[0-9A-Za-z_./\\@#-]\Z")
_IDENTIFIER_AFTER = re.compile(r"[A-Za-z0-9_@]")
_CONTINUES = re.compile(rf"[0-9{_CN_ALL}]")

_APPROX = {
    "大约": Approximation.ABOUT,
    "约": Approximation.ABOUT,
    "将近": Approximation.ABOUT,
    "近": Approximation.ABOUT,
    "左右": Approximation.ABOUT,
    "超过": Approximation.MORE_THAN,
    "超": Approximation.MORE_THAN,
    "逾": Approximation.MORE_THAN,
    "余": Approximation.MORE_THAN,
    "多": Approximation.MORE_THAN,
    "以上": Approximation.AT_LEAST,
    "不到": Approximation.LESS_THAN,
    "不足": Approximation.LESS_THAN,
    "以下": Approximation.AT_MOST,
}


@frozen(kw_only=True)
class NumberMention:
    """A number in a text, with what the text says around it.

    ``written`` is the number as written without 万/亿 (``1.2`` in ``1.2万``); ``value`` has
    the scale applied (12000). Both are ``int`` unless the number was written with decimals
    (and, for ``value``, unless the scale leaves a fraction).
    """

    text: str
    start: int
    end: int
    written: int | Decimal
    decimals: int
    scale: int = 1
    kind: ClaimKind = ClaimKind.FIGURE
    unit: str | None = None
    approximation: Approximation = Approximation.EXACT
    chinese: bool = False

    @property
    def value(self) -> int | Decimal:
        """The number with its 万/亿 scale applied, exactly."""
        if self.scale == 1:
            return self.written
        if isinstance(self.written, int):
            return self.written * self.scale
        scaled = self.written.scaleb(len(str(self.scale)) - 1)
        return int(scaled) if scaled == scaled.to_integral_value() else scaled

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` of the mention in the text it was found in."""
        return (self.start, self.end)

    @property
    def decimal(self) -> Decimal:
        """The number as written, as a Decimal with its decimals (for a claim's ``value``)."""
        return self.written if isinstance(self.written, Decimal) else Decimal(self.written)


def _read_written(raw: str) -> tuple[int | Decimal, int, bool]:
    """The number as written: value, decimals, whether in Chinese numerals."""
    if _ARABIC_FULL.match(raw):
        plain = raw.replace(",", "")
        if "." in plain:
            d = Decimal(plain)
            return d, len(plain.partition(".")[2]), False
        return int(plain), 0, False
    if raw == "百":  # 百分之百
        return 100, 0, True
    whole, sep, frac = raw.partition("点")
    integer = parse_chinese_integer(whole)
    if not sep:
        return integer, 0, True
    digits = "".join(str(_CN_DIGITS[ch]) for ch in frac)
    return Decimal(f"{integer}.{digits}"), len(digits), True


def _mention(text: str, folded: str, m: re.Match[str]) -> NumberMention | None:
    """The mention a match stands for, or None when it is not a quantity."""
    raw = m.group("pnum") or m.group("num")
    num_start = m.start("pnum") if m.group("pnum") else m.start("num")
    before = folded[max(0, num_start - 8) : num_start].rstrip(" \t")
    if before.endswith("第") or _IDENTIFIER_BEFORE.search(before[-1:]):
        return None
    unit = m.group("unit")
    if unit in _NOT_COUNTS:
        return None
    percent = m.group("pnum") is not None or m.group("pct") is not None
    mag = m.group("mag")
    more = m.group("more")
    post = m.group("post")
    chinese_raw = not _ARABIC_FULL.match(raw) and raw != "百"
    if not (percent or unit or mag or more):
        return None
    end = m.end()
    if _IDENTIFIER_AFTER.match(folded, end) and not unit and not percent:
        return None
    try:
        written, decimals, chinese = _read_written(raw)
    except ValidationError:
        return None
    scale = 1
    if chinese_raw and not mag and raw[-1] in "万亿" and len(raw) > 1 and "点" not in raw:
        # 十二万 is written 12 with the scale 万, as 12万 is.
        head = raw[:-1]
        if "万" not in head and "亿" not in head:
            try:
                written, mag = parse_chinese_integer(head), raw[-1]
            except ValidationError:
                return None
            if unit == "元":  # 十二万元: the money unit 万元, as for 12万元
                unit, mag = mag + "元", None
    if mag and m.group("mag") and _CONTINUES.match(folded, m.end("mag")):
        return None  # 1万2千: a form this reader does not take apart
    if mag:
        scale = 10_000 if mag == "万" else 100_000_000
    if percent and scale != 1:
        return None
    approximation = Approximation.EXACT
    for word in (m.group("pre"), more, post):
        if word:
            approximation = _APPROX[word]
    start = m.start("pre") if m.group("pre") else num_start
    return NumberMention(
        text=text[start:end],
        start=start,
        end=end,
        written=written,
        decimals=decimals,
        scale=scale,
        kind=ClaimKind.PERCENT if percent else ClaimKind.FIGURE,
        unit=None if percent else unit,
        approximation=approximation,
        chinese=chinese,
    )


def find_numbers(text: str) -> tuple[NumberMention, ...]:
    """Every quantity in ``text``: a number with a unit, a percentage, 万/亿, or 余/多.

    Bare numbers (years, dates, telephone numbers, document numbers such as 〔2018〕36号),
    ordinals (第二十条) and durations (3个工作日) are not quantities and are left out.
    Never raises: anything that does not read as a number is skipped.
    """
    if not isinstance(text, str):
        raise ValidationError.at("$", f"expected a string, got {type(text).__name__}")
    folded = fold(text)
    out: list[NumberMention] = []
    for m in _MENTION.finditer(folded):
        if m.group("pnum") is None and m.group("num") is None:
            continue
        mention = _mention(text, folded, m)
        if mention is not None:
            out.append(mention)
    return tuple(out)


def parse_number(text: str) -> NumberMention:
    """Read ``text``, which must be one number (with its unit, 万/亿, %, 余 … if any).

    Unlike :func:`find_numbers`, a bare number is accepted (``"129"``). Raises
    :class:`~disclosure_model.errors.ValidationError` when ``text`` is not exactly one number.

    >>> parse_number("２，０３４").value
    2034
    >>> parse_number("87.74%").decimals
    2
    """
    if not isinstance(text, str):
        raise ValidationError.at("$", f"expected a string, got {type(text).__name__}")
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    folded = fold(stripped)
    m = _MENTION.fullmatch(folded)
    if m is None or (m.group("pnum") is None and m.group("num") is None):
        raise _bad(text, "not a number")
    mention = _mention(stripped, folded, m)
    if mention is None:
        if m.group("unit") in _NOT_COUNTS or m.group("pnum") or m.group("pct"):
            raise _bad(text, "not a count")
        raw = m.group("num")
        written, decimals, chinese = _read_written(raw)
        mention = NumberMention(
            text=stripped,
            start=0,
            end=len(stripped),
            written=written,
            decimals=decimals,
            chinese=chinese,
        )
    return attrs.evolve(mention, start=mention.start + offset, end=mention.end + offset)
