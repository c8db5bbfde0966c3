"""The narrative of a published report: title, organ, year, dates, sections, stated figures.

:func:`read_narrative` reads what the prose of any report says about itself and the figures
it states (:class:`~disclosure_model.claims.Claim`), with what each figure is about where the
words make that determinable: a percentage after a figure ("当面申请30件，占23.2%") is a
:class:`~disclosure_model.claims.Share` of the figure over the total the sentence is about,
and a figure the format's table also has ("收到申请95件" in a 2021 report) is a
:class:`~disclosure_model.claims.CellSum` of that cell. Anything less clear is kept as a figure
without a subject, never with a guessed one.

:func:`read_legacy` reads the 2014–2018 reports, which often state their statistics only in
prose, into :class:`~disclosure_model.formats.LegacyStatistics` cells (figures stated for
several cells together become :class:`~disclosure_model.formats.CombinedFigure`), and keeps
every other figure as a claim.

Everything here is deterministic text work: no network, no models, no OCR.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import attrs
from attrs import frozen

from disclosure_model.claims import (
    Approximation,
    CellSum,
    Claim,
    ClaimKind,
    ClaimSum,
    Operand,
    Share,
)
from disclosure_model.errors import ValidationError
from disclosure_model.formats import (
    STATISTICS_CLASSES,
    CombinedFigure,
    LegacyStatistics,
    ProseWords,
    ReportFormat,
    detect_format_markers,
    form,
    format_for_year,
)
from disclosure_model.parsing._numbers import (
    NumberMention,
    find_numbers,
    fold,
    parse_chinese_integer,
)
from disclosure_model.report import OrganLevel, Section
from disclosure_model.values import Amount, CellKind, MoneyUnit, Unit

__all__ = ["Narrative", "organ_level", "read_legacy", "read_narrative"]


@frozen(kw_only=True)
class Narrative:
    """What a report's prose says about itself, and the figures it states.

    ``level`` is a guess from the organ's name, made only where the name makes it clear;
    ``published`` is the date the page gives for its publication, ``dated`` the date the
    report is signed with. ``notes`` say what could not be read and where a value came from.
    """

    title: str | None
    organ_name: str | None
    level: OrganLevel | None
    year: int | None
    published: date | None
    dated: date | None
    format: ReportFormat | None
    sections: tuple[Section, ...]
    claims: tuple[Claim, ...]
    notes: tuple[str, ...]


# --------------------------------------------------------------------------------------------
# Organ names and levels.

_PINYIN = re.compile(r"[(（][A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\s]+[)）]")
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
_SEGMENT = re.compile(
    r"[^省市县区旗州盟乡镇道\s]{1,9}?(?:自治区|自治州|自治县|地区|街道|省|市|州|盟|县|旗|区|乡|镇)"
)
_ZONE = re.compile(r"(?:新区|开发区|园区|实验区|示范区|高新区|合作区|保税区|试验区)\Z")
_GOVERNMENT_WORDS = ("", "人民政府", "政府")
_DEPARTMENT_END = re.compile(
    r"(?:办公室|办公厅|委员会|局|委|办|厅|署|中心|院|站|所|队|部|处|馆|社|会)\Z"
)
_DEPARTMENT_OF = {
    OrganLevel.PROVINCE: OrganLevel.PROVINCIAL_DEPARTMENT,
    OrganLevel.CITY: OrganLevel.CITY_DEPARTMENT,
    OrganLevel.COUNTY: OrganLevel.COUNTY_DEPARTMENT,
}


def _segments(name: str) -> tuple[list[str], str]:
    """The administrative areas a name starts with (保山市, 腾冲市 …) and the rest."""
    segments = []
    pos = 0
    while True:
        m = _SEGMENT.match(name, pos)
        if m is None:
            break
        segments.append(m.group())
        pos = m.end()
    return segments, name[pos:]


def _area_level(segments: list[str]) -> OrganLevel:
    """The level of the government of the last area in ``segments``."""
    last = segments[-1]
    above = segments[-2] if len(segments) > 1 else None
    if _ZONE.search(last):
        return OrganLevel.OTHER
    if last.endswith(("乡", "镇", "街道")):
        return OrganLevel.TOWNSHIP
    if last.endswith(("省", "自治区")) or last in _MUNICIPALITIES:
        return OrganLevel.PROVINCE
    if last.endswith(("县", "旗")):
        return OrganLevel.COUNTY
    if last.endswith(("自治州", "州", "盟", "地区")):
        return OrganLevel.CITY
    if last.endswith("市"):
        # A 市 under a prefecture (保山市腾冲市) is county-level.
        if above is not None and above.endswith(("市", "州", "盟", "地区")):
            return OrganLevel.COUNTY
        return OrganLevel.CITY
    return OrganLevel.COUNTY  # 区 of a city or of a municipality


def organ_level(name: str) -> OrganLevel | None:
    """The level of the organ ``name`` names, where the name makes it clear, else ``None``.

    >>> organ_level("保山市人民政府"), organ_level("沭阳县发展和改革局")
    (<OrganLevel.CITY: 'city'>, <OrganLevel.COUNTY_DEPARTMENT: 'county-department'>)
    >>> organ_level("太平镇人民政府")
    <OrganLevel.TOWNSHIP: 'township'>
    """
    plain = _PINYIN.sub("", fold(name)).replace(" ", "")
    segments, rest = _segments(plain)
    if not segments:
        if plain.startswith(("国务院", "国家")) or plain.endswith("部"):
            return OrganLevel.STATE_COUNCIL_DEPARTMENT
        return None
    area = _area_level(segments)
    if rest in _GOVERNMENT_WORDS:
        return area
    if rest.endswith("办事处") and area is OrganLevel.TOWNSHIP:
        return OrganLevel.TOWNSHIP
    if _DEPARTMENT_END.search(rest):
        return _DEPARTMENT_OF.get(area, OrganLevel.OTHER)
    return None


def _organ_from_title(words: str) -> str | None:
    """The organ a title names before its year: a bare area is its people's government."""
    plain = _PINYIN.sub("", words).strip(" 《》“”\"'")
    if not plain:
        return None
    segments, rest = _segments(plain)
    if segments and not rest:
        return plain + "人民政府"
    return plain


# --------------------------------------------------------------------------------------------
# Title, year, dates.

_YEAR = r"(?P<year>[12][0-9]{3}|[〇零一二三四五六七八九]{4})"
_TITLE = re.compile(
    rf"(?P<organ>[^0-9。,，;；:：]{{0,40}}?){_YEAR}年度?(?P<middle>[^。,，;；]{{0,24}}?)"
    r"(?:年度报告|年报)(?:[(（][^()（）]{0,12}[)）])?\Z"
)
_ORGAN_LINE = re.compile(
    r"[^0-9。,，;；:：\s]{2,40}(?:政府|局|委员会|委|办公室|办公厅|办|厅|院|中心|镇|乡|街道|办事处|会)\Z"
)
_PERIOD_YEAR = re.compile(r"统计(?:期限|时限|时间|期间)[^。]{0,12}?(?P<year>[12][0-9]{3})年")
_WORK_YEAR = re.compile(
    r"(?P<year>[12][0-9]{3})年度?[^。,，;；]{0,8}?政府信息公开(?:工作|年度报告)"
)
_DATE = r"(?P<y>[12][0-9]{3})\s*[-/.年]\s*(?P<m>[0-9]{1,2})\s*[-/.月]\s*(?P<d>[0-9]{1,2})"
_PUBLISHED = re.compile(
    rf"(?:发布时间|发布日期|发布于|发文日期|成文日期|时间|日期|来源)\s*[:：][^\n]{{0,40}}?{_DATE}"
)
_SIGNED = re.compile(
    r"\A\s*(?P<y>[12][0-9]{3}|[〇零一二三四五六七八九]{4})\s*年\s*"
    r"(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
    r"(?P<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日?\s*\Z"
)
_SOURCE_LINE = re.compile(
    r"(?:来源|发布时间|发布日期|访问量|浏览次数|分享到|字号|打印|关闭|点击数|作者|信息来源)"
)


def _number_word(word: str) -> int:
    return int(word) if word.isascii() else parse_chinese_integer(word)


def _make_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(_number_word(y), _number_word(m), _number_word(d))
    except (ValueError, ValidationError):
        return None


@frozen(kw_only=True)
class _Line:
    start: int
    end: int
    text: str  # folded and stripped


_MARKDOWN_MARK = re.compile(r"\A\s*#{1,6}\s+")


def _lines(folded: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in folded.split("\n"):
        # Markdown made from a PDF marks headings with #; they are not part of the heading.
        body = _MARKDOWN_MARK.sub(lambda m: " " * len(m.group()), raw)
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        out.append(_Line(start=pos + lead, end=pos + lead + len(stripped), text=stripped))
        pos += len(raw) + 1
    return out


@frozen(kw_only=True)
class _Title:
    text: str
    organ: str | None
    year: int | None
    start: int
    end: int


def _find_title(text: str, lines: list[_Line]) -> _Title | None:
    for i, line in enumerate(lines[:80]):
        compact = re.sub(r"\s+", "", line.text)
        if len(compact) > 80 or compact.startswith("本"):
            continue
        m = _TITLE.fullmatch(compact)
        if m is None:
            continue
        try:
            year = _number_word(m.group("year"))
        except ValidationError:
            continue
        start, organ_words = line.start, m.group("organ")
        if not organ_words:
            previous = next((p for p in reversed(lines[:i]) if p.text), None)
            if previous is not None:
                prev_compact = re.sub(r"\s+", "", previous.text)
                if _ORGAN_LINE.fullmatch(prev_compact):
                    start, organ_words = previous.start, prev_compact
        title = re.sub(r"\s+", "", text[start : line.end])
        return _Title(
            text=title,
            organ=_organ_from_title(organ_words),
            year=year,
            start=start,
            end=line.end,
        )
    return None


# --------------------------------------------------------------------------------------------
# Sections.

_HEADING = re.compile(
    r"(?P<num>[一二三四五六七八九十]{1,3})\s*[、.]\s*(?P<title>[^|。]{1,60}?)[。:：]?\Z"
)
_NUMERALS = (*"一二三四五六七八九", "十", *("十" + d for d in "一二三四五六七八九"))
_PAGE_MARK = re.compile(
    r"[-—–]\s*[0-9]{1,3}\s*[-—–]\Z|第\s*[0-9]{1,3}\s*页(?:\s*共\s*[0-9]+\s*页)?\Z"
)


#: Lines of a web page's footer, after the report's text ends.
_FOOTER = re.compile(
    r"网站地图|网站声明|关于我们|联系我们|主办单位|承办单位|版权所有|技术支持|ICP备|公网安备|网站标识码|返回顶部"
)


@frozen(kw_only=True)
class _Part:
    """A section: heading (None for the preamble) and its body's span in the text."""

    title: str | None
    heading_start: int
    start: int
    end: int


def _split(text: str, lines: list[_Line], body_start: int, fmt: ReportFormat | None) -> list[_Part]:
    """The sections by their numbered headings.

    With a 2019/2021 format a heading must be one of the format's sections
    (:meth:`~disclosure_model.formats.FormSpec.match_section`), in order, so the numbered row
    labels of table 三 (四、结转下年度继续办理) are not taken for headings; a section may be
    missing. Otherwise (legacy reports follow local outlines) the numbering must run on
    without a gap: 一、, 二、, 三、 …
    """
    spec = form(fmt) if fmt in (ReportFormat.GOV_2019, ReportFormat.GOV_2021) else None
    order = [s.key for s in spec.sections] if spec is not None else []
    headings: list[tuple[_Line, str]] = []
    expected = 0
    last = -1
    for line in lines:
        if line.start < body_start or expected >= len(_NUMERALS):
            continue
        m = _HEADING.fullmatch(line.text)
        if m is None:
            continue
        if spec is not None:
            section = spec.match_section(line.text)
            if section is None or order.index(section.key) <= last:
                continue
            last = order.index(section.key)
        elif m.group("num") != _NUMERALS[expected]:
            continue
        headings.append((line, re.sub(r"\s+", "", text[line.start : line.end])))
        expected += 1
    last_start = headings[-1][0].end if headings else body_start
    footer = next(
        (
            line.start
            for line in lines
            if line.start >= last_start and len(line.text) < 80 and _FOOTER.search(line.text)
        ),
        len(text),
    )
    parts = []
    first = headings[0][0].start if headings else footer
    parts.append(_Part(title=None, heading_start=body_start, start=body_start, end=first))
    for i, (line, title) in enumerate(headings):
        end = headings[i + 1][0].start if i + 1 < len(headings) else footer
        parts.append(_Part(title=title, heading_start=line.start, start=line.end, end=end))
    return parts


def _body_lines(
    text: str, folded: str, part: _Part, preamble: bool
) -> tuple[list[str], list[tuple[int, int]]]:
    """The lines of a section's text, and the spans of the lines left out (page numbers,
    and in the preamble the page's header: 来源, 发布时间, 分享到 …)."""
    out: list[str] = []
    dropped: list[tuple[int, int]] = []
    pos = part.start
    for raw, line in zip(
        text[part.start : part.end].split("\n"),
        folded[part.start : part.end].split("\n"),
        strict=True,
    ):
        span = (pos, pos + len(line))
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        if _PAGE_MARK.fullmatch(stripped) or (
            preamble
            and (
                (len(stripped) < 60 and _SOURCE_LINE.search(stripped)) or not _CJK.search(stripped)
            )
        ):
            dropped.append(span)
            continue
        out.append(raw.strip())
    return out, dropped


_CJK = re.compile(r"[\u4e00-\u9fff]")


# --------------------------------------------------------------------------------------------
# Clauses around a figure.

_DELIMS = frozenset("，,；;。：:、！？!?|")
_SENTENCE_END = frozenset("。！？!?")
_OPEN = frozenset("(（")
#: How far a clause reaches at most: text without punctuation is not a clause.
_REACH = 200
#: How many of the figures before a percentage it may refer to.
_WINDOW = 40
#: How much of the words after a figure a claim's text keeps when none come before it.
_TAIL = 12
#: How much of a long clause before a figure its claim's text keeps.
_HEAD = 40
_CUT_INSIDE = re.compile(r"[0-9A-Za-z０-９.年月日号\s]")
_CLOSE = frozenset(")）")
_SPACES = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_TOTAL_WORDS = re.compile(r"共|总|累计|合计|全年|全市|全县|全区")
_QUOTES = "“”‘’\"'「」『』《》()（）"


#: The characters that open, close or end clauses, and blank lines.
_MARKS = re.compile(r"[(（)），,；;。：:、！？!?|]|\n[ \t]*\n")


def _clause_edge(text: str, at: int, bound: int, *, forward: bool) -> int:
    """Where the clause holding ``at`` ends (``forward``) or starts: at punctuation outside
    brackets, at the bracket the position is inside (（含上年度结转申请 34 件), or at a blank
    line; never past ``bound``, nor further than the reach of one clause."""
    if forward:
        limit = min(bound, at + _REACH)
        marks = list(_MARKS.finditer(text, at, limit))
        opening, closing = _OPEN, _CLOSE
    else:
        limit = max(bound, at - _REACH)
        marks = list(reversed(list(_MARKS.finditer(text, limit, at))))
        opening, closing = _CLOSE, _OPEN
    depth = 0
    for m in marks:
        ch = m.group()[0]
        if ch in opening:
            depth += 1
        elif ch in closing:
            if depth == 0:
                return m.start() if forward else m.end()
            depth -= 1
        elif depth == 0 or ch in _SENTENCE_END:
            return m.start() if forward else m.end()
    return limit


def _clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause holding ``at`` starts (see :func:`_clause_edge`)."""
    return _clause_edge(text, at, lo, forward=False)


def _clause_end(text: str, at: int, hi: int) -> int:
    """Where the clause holding ``at`` ends (see :func:`_clause_edge`)."""
    return _clause_edge(text, at, hi, forward=True)


def _sentence_start(text: str, lo: int, at: int) -> int:
    floor = max(lo, at - 2 * _REACH)
    return max(floor, *(text.rfind(c, floor, at) + 1 for c in _SENTENCE_END))


def _compact(s: str) -> str:
    return _SPACES.sub("", s)


@frozen(kw_only=True)
class _Figure:
    """A figure read so far in a section, for the percentages after it to refer to."""

    mention: NumberMention
    pre: str
    claim_id: str | None
    cells: tuple[str, ...] | None
    is_cell: bool  # the figure is the cells' value (legacy), not a claim about them
    is_total: bool
    bracketed: bool = False  # said in brackets after another figure (含上年结转 189 件)

    def operand(self) -> Operand:
        if self.is_cell and self.cells is not None:
            return CellSum(paths=self.cells)
        # Every figure that is not a cell's value is a claim.
        return ClaimSum(ids=(self.claim_id or "",))


# --------------------------------------------------------------------------------------------
# What figures are about: cells of the formats, by the words before (and after) them.


@frozen(kw_only=True)
class _Rule:
    """Words that make a figure the value of cells: ``pre`` must match the words before the
    number in its clause, ``post`` (if given) those after it; ``group`` the subject of the
    sentence (复议, 诉讼, 举报) where the words alone (维持, 纠错) do not say."""

    cells: tuple[str, ...]
    pre: re.Pattern[str]
    post: re.Pattern[str] | None = None
    group: str | None = None


def _rule(w: ProseWords) -> _Rule:
    return _Rule(
        cells=w.cells,
        pre=re.compile(w.before),
        post=re.compile(w.after) if w.after is not None else None,
        group=w.subject,
    )


_GROUPS = re.compile(r"(?P<review>复议)|(?P<litigation>诉讼)|(?P<complaints>举报|投诉)")


_RULES: dict[ReportFormat, tuple[_Rule, ...]] = {
    fmt: tuple(_rule(w) for w in cls.PROSE_WORDS) for fmt, cls in STATISTICS_CLASSES.items()
}

#: Statements that there were none, in words ("没有收到…举报投诉"); cell and pattern.
_LEGACY_NONE = tuple((cell, re.compile(p)) for cell, p in LegacyStatistics.NONE_WORDS)
_LEGACY_SPECS = LegacyStatistics.cell_specs()
#: The units a report may write for a cell's unit (政策解读稿469篇, 政策解读材料469份).
_UNIT_WORDS: dict[Unit | None, frozenset[str]] = {
    Unit.PIECE: frozenset({"件", "条", "个", "宗", "起", "例"}),
    Unit.ENTRY: frozenset({"条", "件", "个", "篇", "项"}),
    Unit.TIMES: frozenset({"次", "场", "期", "场次", "轮"}),
    Unit.ARTICLE: frozenset({"篇", "份", "条", "个", "期", "件"}),
    Unit.BODY: frozenset({"个", "家", "处", "所"}),
    Unit.PERSON: frozenset({"人", "名", "位"}),
    Unit.PERSON_TIME: frozenset({"人次", "人"}),
    Unit.ITEM: frozenset({"项", "个", "件"}),
    None: frozenset({"件", "条", "个", "项", "次", "篇", "份", "人", "名"}),
}
_SHARE_OF = re.compile(r"(?:其中)?(?:分别)?占(?P<x>[^,，]*?)的?\Z")
_RATIO_OF = re.compile(r"(?P<x>.+?)的?(?:比例|比重|占比)(?:达到|达|为|是|约)?\Z")
_PART_OF = re.compile(r"\A(?:属|为|是|系|涉及)")


def _rule_for(
    rules: tuple[_Rule, ...], pre: str, post: str, group: str | None
) -> tuple[str, ...] | None:
    for rule in rules:
        if rule.group is not None and rule.group != group:
            continue
        if rule.pre.search(pre) and (rule.post is None or rule.post.search(post)):
            return rule.cells
    return None


def _group(text: str) -> str | None:
    last = None
    for m in _GROUPS.finditer(text):
        last = m.lastgroup
    return last


# --------------------------------------------------------------------------------------------
# The reading itself.


@frozen(kw_only=True)
class _Reading:
    parts: tuple[_Part, ...]
    sections: tuple[Section, ...]
    claims: tuple[Claim, ...]
    cells: dict[str, int | Amount]
    combined: tuple[CombinedFigure, ...]
    notes: tuple[str, ...]
    title: _Title | None
    published: date | None
    dated: date | None
    year: int | None


class _Reader:
    """One pass over the figures of a text, section by section."""

    def __init__(self, text: str, folded: str, fmt: ReportFormat | None) -> None:
        self.text = text
        self.folded = folded
        self.fmt = fmt
        self.rules = _RULES.get(fmt, ()) if fmt is not None else ()
        self.legacy = fmt is ReportFormat.LEGACY
        self.claims: list[Claim] = []
        self.cells: dict[str, int | Amount] = {}
        self.combined: dict[tuple[str, ...], int] = {}
        self.notes: list[str] = []

    # -- helpers ---------------------------------------------------------------------------

    def _claim_text(self, lo: int, hi: int, start: int, end: int) -> str:
        """The words a claim was read from, without the line breaks of a PDF's text."""
        if end - start > _HEAD:
            start = end - _HEAD
            while start < end and _CUT_INSIDE.match(self.text, start):
                start += 1  # not from the middle of 2018年2月
        text = _LINE_BREAK.sub("", self.text[start:end]).strip()
        return text if text else _LINE_BREAK.sub("", self.text[lo:hi]).strip() or "?"

    def _cell_value(self, cells: tuple[str, ...], m: NumberMention) -> int | Amount | None:
        """The value a legacy cell takes from a figure, if the figure can be one."""
        if m.kind is not ClaimKind.FIGURE or m.approximation is not Approximation.EXACT:
            return None
        specs = [_LEGACY_SPECS[c] for c in cells]
        if any(s.kind is CellKind.MONEY for s in specs):
            if len(cells) != 1 or m.unit not in ("万元", "元") or m.scale != 1:
                return None
            unit = MoneyUnit.WAN_YUAN if m.unit == "万元" else MoneyUnit.YUAN
            return Amount(value=m.decimal, unit=unit)
        if not isinstance(m.value, int) or isinstance(m.written, Decimal):
            return None  # 9.9万条 is a rounded figure, not a count
        return m.value

    def _unit_fits(self, cells: tuple[str, ...], m: NumberMention) -> bool:
        """Whether the figure's unit is one the cells are counted in."""
        if m.kind is not ClaimKind.FIGURE:
            return False
        if not self.legacy:  # the 2019/2021 cells read here are all counted in 件
            return m.unit is None or m.unit in _UNIT_WORDS[Unit.PIECE]
        for key in cells:
            spec = _LEGACY_SPECS[key]
            if spec.kind is CellKind.MONEY:
                if m.unit not in ("万元", "元", "亿元"):
                    return False
            elif m.unit is not None and m.unit not in _UNIT_WORDS[spec.unit]:
                return False
        return True

    def _take_cells(self, cells: tuple[str, ...], m: NumberMention) -> bool:
        """Give legacy cells the figure's value, unless already stated or not a value."""
        value = self._cell_value(cells, m)
        if value is None:
            self.notes.append(
                f"{' + '.join(cells)}: {_LINE_BREAK.sub('', m.text)!r} is not an exact count;"
                " kept as a claim about the cells"
            )
            return False
        if len(cells) > 1:
            if cells in self.combined or not isinstance(value, int):
                return False
            self.combined[cells] = value
            return True
        if cells[0] in self.cells:
            return False  # stated before: this is a claim about it
        self.cells[cells[0]] = value
        return True

    def _mark_total(self, figures: list[_Figure], m: NumberMention) -> None:
        """其中 after a figure, even a sentence later (…办结 1191 件（含…），均在法定期限内
        答复。其中，…), makes the latest figure not in brackets a total."""
        if not figures or "其中" not in _compact(self.folded[figures[-1].mention.end : m.start]):
            return
        for i in range(len(figures) - 1, -1, -1):
            if not figures[i].bracketed:
                figures[i] = attrs.evolve(figures[i], is_total=True)
                return

    # -- one section -----------------------------------------------------------------------

    def section(self, index: int, part: _Part, dropped: list[tuple[int, int]]) -> None:
        """Read the figures of one section (``dropped``: spans of lines not read)."""
        lo, hi = part.start, part.end
        figures: list[_Figure] = []
        mentions = [
            m
            for m in find_numbers(self.text[lo:hi])
            if not any(a <= m.start + lo < b for a, b in dropped)
        ]
        count = 0
        previous_end = lo
        for raw in mentions:
            m = _shift(raw, lo)
            floor = max((b for _, b in dropped if b <= m.start), default=lo)
            c_start = max(_clause_start(self.folded, lo, m.start), previous_end, floor)
            c_end = _clause_end(self.folded, m.end, hi)
            pre = _compact(self.folded[c_start : m.start])
            post = _compact(self.folded[m.end : c_end])
            count += 1
            claim_id = f"s{index}-{count}"
            if m.kind is ClaimKind.PERCENT:
                previous_end = m.end
                about: CellSum | ClaimSum | Share | None = self._share(
                    m, pre=pre, post=post, figures=figures, c_start=c_start
                )
                start = c_start
                if _SHARE_OF.fullmatch(pre) and figures and about is not None:
                    start = _clause_start(self.folded, lo, figures[-1].mention.start)
                end = min(c_end, m.end + _TAIL) if len(pre.strip(_QUOTES)) <= 2 else m.end
                self._add(claim_id, m, self._claim_text(c_start, c_end, start, end), index, about)
                continue
            group = _group(self.folded[_sentence_start(self.folded, lo, m.start) : m.start])
            cells = _rule_for(self.rules, pre, post, group) if self.rules else None
            if cells is not None and not self._unit_fits(cells, m):
                cells = None
            next_clause = _compact(self.folded[c_end + 1 : c_end + 4])
            is_total = bool(
                _TOTAL_WORDS.search(pre) or post.endswith("中") or next_clause.startswith("其中")
            )
            bracketed = c_start > lo and self.folded[c_start - 1] in _OPEN
            self._mark_total(figures, m)
            if cells is None and m.chinese and len(_compact(raw.text)) <= 2:
                count -= 1  # 一次, 两个方面: words, not figures
                continue
            previous_end = m.end
            end = min(c_end, m.end + _TAIL) if len(pre.strip(_QUOTES)) <= 2 else m.end
            text = self._claim_text(c_start, c_end, c_start, end)
            claim: str | None = claim_id
            if cells is not None and self.legacy and self._take_cells(cells, m):
                count -= 1
                claim = None  # the figure is the cells' value, not a claim
                is_total = is_total or any(_has_children(k) for k in cells)
            else:
                self._add(claim_id, m, text, index, CellSum(paths=cells) if cells else None)
            figures.append(
                _Figure(
                    mention=m,
                    pre=pre,
                    claim_id=claim,
                    cells=cells,
                    is_cell=claim is None,
                    is_total=is_total,
                    bracketed=bracketed,
                )
            )
        if self.legacy:
            self._none_in_words(lo, hi)

    def _add(
        self,
        claim_id: str,
        m: NumberMention,
        text: str,
        section: int,
        about: CellSum | ClaimSum | Share | None,
    ) -> None:
        self.claims.append(
            Claim(
                id=claim_id,
                text=text,
                kind=m.kind,
                value=m.decimal,
                unit=m.unit,
                scale=m.scale,
                approximation=m.approximation,
                section=section,
                about=about,
            )
        )

    def _share(
        self,
        m: NumberMention,
        *,
        pre: str,
        post: str,
        figures: list[_Figure],
        c_start: int,
    ) -> Share | None:
        """What a percentage is a share of, where the words say; else None.

        Only the latest figures of the section are looked at: a share refers to figures
        near it, and the window keeps the reading linear in the length of the text.
        """
        figures = figures[-_WINDOW:]
        share_of = _SHARE_OF.fullmatch(pre)
        if share_of is not None:
            if not figures:
                return None
            numerator = figures[-1]
            between = _compact(self.folded[numerator.mention.end : c_start])
            if between.strip("".join(_DELIMS) + _QUOTES):
                return None  # words between the figure and 占…: not its share
            denominator = _denominator(numerator, figures[:-1], share_of.group("x"))
            if denominator is None:
                return None
            return Share(numerator=numerator.operand(), denominator=denominator.operand())
        ratio = _RATIO_OF.fullmatch(pre)
        if ratio is not None:
            words = ratio.group("x")
            candidates = [f for f in figures if words and words in f.pre]
            if not candidates:
                return None
            numerator = candidates[-1]
            before = figures[: figures.index(numerator)]
            denominator = _denominator(numerator, before, "")
            if denominator is None:
                return None
            return Share(numerator=numerator.operand(), denominator=denominator.operand())
        if not pre and figures:
            # 予以公开 208 件（17.46%）: the share of the figure just before the bracket.
            numerator = figures[-1]
            between = _compact(self.folded[numerator.mention.end : m.start])
            if between in ("(", "（"):
                denominator = _denominator(numerator, figures[:-1], "")
                if denominator is None:
                    return None
                return Share(numerator=numerator.operand(), denominator=denominator.operand())
        if not pre.strip(_QUOTES + "其中") and _PART_OF.match(post):
            totals = [f for f in figures if f.is_total]
            if totals:
                return Share(numerator=None, denominator=totals[-1].operand())
        return None

    def _none_in_words(self, lo: int, hi: int) -> None:
        for cell, pattern in _LEGACY_NONE:
            if cell in self.cells:
                continue
            m = pattern.search(self.folded, lo, hi)
            if m is None:
                continue
            if _LEGACY_SPECS[cell].kind is CellKind.MONEY:
                self.cells[cell] = Amount(value=Decimal(0), unit=MoneyUnit.WAN_YUAN)
            else:
                self.cells[cell] = 0
            self.notes.append(
                f"{cell}: 0 from the words {self.text[m.start() : m.end()]!r} (none stated)"
            )


_FORM_ORDER = {key: i for i, key in enumerate(_LEGACY_SPECS)}


def _has_children(key: str) -> bool:
    return any(spec.parent == key for spec in _LEGACY_SPECS.values())


def _denominator(numerator: _Figure, earlier: list[_Figure], named: str) -> _Figure | None:
    """The total a share of ``numerator`` is taken of, among the figures before it.

    A legacy cell's total is its parent cell where stated; otherwise the figure is the latest
    earlier one of the same unit, at least as large, that the words name ("占承办总数的" →
    a figure whose clause has 承办 or 办) or, failing words, the latest one marked as a total
    (共, 总, 累计, or followed by 其中).
    """
    if numerator.is_cell and numerator.cells is not None and len(numerator.cells) == 1:
        parent = _LEGACY_SPECS[numerator.cells[0]].parent
        if parent is not None:
            for f in reversed(earlier):
                if f.is_cell and f.cells == (parent,):
                    return f
    value = numerator.mention.value
    pool = [
        f
        for f in earlier
        if f.mention.kind is ClaimKind.FIGURE
        and f.mention.unit == numerator.mention.unit
        and f.mention.value >= value
    ]
    core = named
    for word in ("总数", "总量", "总额", "总"):
        core = core.replace(word, "")
    core = core.strip(_QUOTES)
    if core:
        for size in range(len(core), 0, -1):
            pieces = {core[i : i + size] for i in range(len(core) - size + 1)}
            hits = [f for f in pool if any(p in f.pre for p in pieces)]
            if hits:
                totals = [f for f in hits if f.is_total]
                return (totals or hits)[-1]
    totals = [f for f in pool if f.is_total]
    return totals[-1] if totals else None


def _shift(m: NumberMention, offset: int) -> NumberMention:
    return attrs.evolve(m, start=m.start + offset, end=m.end + offset)


def _year_from_body(folded: str) -> tuple[int | None, str | None]:
    for pattern, where in ((_PERIOD_YEAR, "the statistics period"), (_WORK_YEAR, "the text")):
        m = pattern.search(folded)
        if m is not None:
            return int(m.group("year")), where
    return None, None


def _published(folded: str, limit: int) -> date | None:
    m = _PUBLISHED.search(folded, 0, limit)
    return _make_date(m.group("y"), m.group("m"), m.group("d")) if m else None


def _dated(lines: list[_Line], after: int) -> date | None:
    found = None
    for line in lines:
        if line.start < after:
            continue
        m = _SIGNED.fullmatch(line.text)
        if m is not None:
            found = _make_date(m.group("y"), m.group("m"), m.group("d"))
    return found


def _read(text: str, fmt: ReportFormat | None) -> tuple[_Reading, ReportFormat | None]:
    if not isinstance(text, str):
        raise ValidationError.at("$", f"expected the text of a report, got {type(text).__name__}")
    folded = fold(text)
    lines = _lines(folded)
    notes: list[str] = []
    title = _find_title(text, lines)
    year = title.year if title is not None else None
    if year is None:
        year, where = _year_from_body(folded)
        if year is not None:
            notes.append(f"year {year} read from {where}, not from a title")
    if year is not None and not 2000 <= year <= 2100:
        notes.append(f"year {year} is out of range; not kept")
        year = None
    chosen = fmt
    if chosen is None:
        chosen = detect_format_markers(text)
        if chosen is None and year is not None:
            chosen = format_for_year(year)
        if chosen is not None:
            notes.append(f"format {chosen.value} assumed (not given)")
    body_start = title.end if title is not None else 0
    parts = _split(text, lines, body_start, chosen)
    first_heading = parts[1].heading_start if len(parts) > 1 else len(text)
    published = _published(folded, first_heading)
    reader = _Reader(text, folded, chosen)
    sections: list[Section] = []
    kept: list[_Part] = []
    for part in parts:
        body, dropped = _body_lines(text, folded, part, preamble=part.title is None)
        if part.title is None and not body:
            continue
        index = len(sections)
        sections.append(Section(title=part.title, text="\n".join(body)))
        kept.append(part)
        reader.section(index, part, dropped)
    if not any(s.title for s in sections):
        notes.append("no numbered section headings found")
    dated = _dated(lines, kept[-1].heading_start if kept else 0)
    reading = _Reading(
        parts=tuple(kept),
        sections=tuple(sections),
        claims=tuple(reader.claims),
        cells=reader.cells,
        combined=tuple(
            CombinedFigure(cells=k, value=v)
            for k, v in sorted(reader.combined.items(), key=lambda kv: _FORM_ORDER[kv[0][0]])
        ),
        notes=tuple(notes + reader.notes),
        title=title,
        published=published,
        dated=dated,
        year=year,
    )
    return reading, chosen


def read_narrative(text: str, *, fmt: ReportFormat | None = None) -> Narrative:
    """Read the prose of a report: who, which year, its sections and the figures it states.

    ``fmt`` is the statistics format of the report, where known; it decides which cells a
    figure can be a claim about and which section headings are looked for. Without it the
    format of the report's year is assumed. For a legacy report, figures that
    :func:`read_legacy` takes as the statistics' cells are not repeated as claims.
    Raises only :class:`~disclosure_model.errors.ValidationError` (for a non-string).

    >>> n = read_narrative("保山市2018年政府信息公开工作年度报告\\n一、总体情况\\n收到申请5件。")
    >>> n.organ_name, n.level.value, n.year, [s.title for s in n.sections]
    ('保山市人民政府', 'city', 2018, ['一、总体情况'])
    """
    reading, chosen = _read(text, fmt)
    title = reading.title
    organ = None
    if title is not None and title.organ is not None:
        organ = fold(title.organ)
    level = organ_level(organ) if organ is not None else None
    notes = list(reading.notes)
    if organ is None:
        notes.append("the text does not name the organ in a title")
    elif level is None:
        notes.append(f"the level of {organ!r} is not clear from its name")
    return Narrative(
        title=title.text if title is not None else None,
        organ_name=organ,
        level=level,
        year=reading.year,
        published=reading.published,
        dated=reading.dated,
        format=chosen,
        sections=reading.sections,
        claims=reading.claims,
        notes=tuple(notes),
    )


def read_legacy(text: str) -> tuple[LegacyStatistics, tuple[Claim, ...], tuple[str, ...]]:
    """Read a 2014–2018 report's prose into its statistics, claims and notes.

    A figure whose words name a cell of the legacy table gives the cell its value the first
    time it is stated (later statements of the same cell are claims about it); a figure
    stated for several cells together is a :class:`~disclosure_model.formats.CombinedFigure`;
    "没有收到…举报投诉" and the like give 0, with a note. Every cell the text does not state
    stays ``None``. Raises only :class:`~disclosure_model.errors.ValidationError`.
    """
    reading, _ = _read(text, ReportFormat.LEGACY)
    values: dict[str, int | Amount | None] = dict(reading.cells)
    statistics = LegacyStatistics(combined=reading.combined, **values)  # type: ignore[arg-type]
    return statistics, reading.claims, reading.notes
