"""The report: who published it, for which year, in which format, its text, its statistics."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

import attrs
from attrs import field, frozen

from disclosure_model._validate import is_text, matches, surrogate_problems
from disclosure_model.claims import CellSum, Claim, ClaimSum, Share
from disclosure_model.errors import (
    FormatMismatchError,
    Problem,
    ProblemKind,
    ValidationError,
    shown,
)
from disclosure_model.formats import (
    STATISTICS_CLASSES,
    Label,
    LegacyStatistics,
    ReportFormat,
    Statistics,
    Statistics2019,
    Statistics2021,
)
from disclosure_model.values import wrong_value

__all__ = [
    "Coverage",
    "Organ",
    "OrganLevel",
    "Report",
    "Section",
    "Source",
    "StatisticsT",
]


class OrganLevel(enum.Enum):
    """The kind of administrative organ that publishes a report."""

    #: 国务院部门 (ministries, commissions, agencies directly under the State Council).
    STATE_COUNCIL_DEPARTMENT = "state-council-department"
    #: 省级人民政府 (province, autonomous region, municipality directly under the centre).
    PROVINCE = "province"
    #: 设区的市级人民政府 (prefecture-level city, autonomous prefecture, league).
    CITY = "city"
    #: 县级人民政府 (county, county-level city, city district, banner).
    COUNTY = "county"
    #: 乡镇人民政府 and 街道办事处 (township, town, subdistrict).
    TOWNSHIP = "township"
    #: A department of a provincial government (省级政府部门).
    PROVINCIAL_DEPARTMENT = "provincial-department"
    #: A department of a city government, including its general office (市级政府部门).
    CITY_DEPARTMENT = "city-department"
    #: A department of a county-level government (县级政府部门).
    COUNTY_DEPARTMENT = "county-department"
    #: Anything else (vertically managed offices, development zones' committees, …).
    OTHER = "other"

    @property
    def is_government(self) -> bool:
        """Whether the organ is a people's government (its report is due by 31 March)."""
        return self in _GOVERNMENTS

    @property
    def is_department(self) -> bool:
        """Whether the organ is a department (its report is due by 31 January since 2019)."""
        return self in _DEPARTMENTS

    @property
    def label(self) -> Label:
        """The kind of organ in words, in Chinese and in English."""
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    OrganLevel.STATE_COUNCIL_DEPARTMENT: Label("国务院部门", "State Council department"),
    OrganLevel.PROVINCE: Label("省级人民政府", "provincial government"),
    OrganLevel.CITY: Label("设区的市级人民政府", "city government"),
    OrganLevel.COUNTY: Label("县级人民政府", "county government"),
    OrganLevel.TOWNSHIP: Label("乡镇人民政府", "township government"),
    OrganLevel.PROVINCIAL_DEPARTMENT: Label("省级政府部门", "provincial department"),
    OrganLevel.CITY_DEPARTMENT: Label("市级政府部门", "city department"),
    OrganLevel.COUNTY_DEPARTMENT: Label("县级政府部门", "county department"),
    OrganLevel.OTHER: Label("其他", "other"),
}


_GOVERNMENTS = frozenset(
    {OrganLevel.PROVINCE, OrganLevel.CITY, OrganLevel.COUNTY, OrganLevel.TOWNSHIP}
)
_DEPARTMENTS = frozenset(
    {
        OrganLevel.STATE_COUNCIL_DEPARTMENT,
        OrganLevel.PROVINCIAL_DEPARTMENT,
        OrganLevel.CITY_DEPARTMENT,
        OrganLevel.COUNTY_DEPARTMENT,
    }
)

_DIVISION = re.compile(r"([0-9]{6}|[0-9]{9}|[0-9]{12})\Z")
_SHA256 = re.compile(r"[0-9a-f]{64}\Z")


#: One of the three statistics classes (the type :meth:`Report.statistics_as` returns).
StatisticsT = TypeVar("StatisticsT", LegacyStatistics, Statistics2019, Statistics2021)


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


#: The check of one field of a record: its name, whether a value is right, the kind of
#: problem if not, and what is expected there in English and in Chinese.
_FieldCheck = tuple[str, Callable[[object], bool], ProblemKind, str, str]


def _check_record(record: object, checks: Sequence[_FieldCheck], **texts: object) -> None:
    """Raise one error with every field of ``record`` that fails its check and every text
    in ``texts`` holding a lone surrogate."""
    problems = [
        wrong_value(f"$.{name}", kind, value, en, zh)
        for name, ok, kind, en, zh in checks
        if not ok(value := getattr(record, name))
    ]
    problems.extend(surrogate_problems(**texts))
    _raise_if(problems)


def _is_level(value: object) -> bool:
    return isinstance(value, OrganLevel)


def _is_division_code(value: object) -> bool:
    return value is None or matches(_DIVISION, value)


def _is_sha256(value: object) -> bool:
    return value is None or matches(_SHA256, value)


def _is_text_or_none(value: object) -> bool:
    return value is None or is_text(value)


def _is_str(value: object) -> bool:
    return isinstance(value, str)


# The checks of each record, in field order: name, check, kind, English, Chinese.
_ORGAN_CHECKS: tuple[_FieldCheck, ...] = (
    (
        "name",
        is_text,
        ProblemKind.TEXT,
        "the organ's name",
        "应为机关名称",
    ),
    (
        "level",
        _is_level,
        ProblemKind.ENUM,
        "an OrganLevel",
        "应为 OrganLevel",
    ),
    (
        "division_code",
        _is_division_code,
        ProblemKind.TEXT,
        "6, 9 or 12 digits",
        "行政区划代码应为 6、9 或 12 位数字",
    ),
)
_SOURCE_CHECKS: tuple[_FieldCheck, ...] = (
    (
        "url",
        _is_text_or_none,
        ProblemKind.TEXT,
        "a URL or None",
        "应为网址或 None",
    ),
    (
        "sha256",
        _is_sha256,
        ProblemKind.TEXT,
        "64 lower-case hex digits",
        "应为 64 位小写十六进制数字",
    ),
)
_SECTION_CHECKS: tuple[_FieldCheck, ...] = (
    (
        "title",
        _is_text_or_none,
        ProblemKind.TEXT,
        "a heading or None",
        "应为标题或 None",
    ),
    (
        "text",
        _is_str,
        ProblemKind.STR_TYPE,
        "a string",
        "应为字符串",
    ),
)


@frozen(kw_only=True)
class Organ:
    """The administrative organ a report is about.

    ``division_code`` is the 6-, 9- or 12-digit administrative division code of the area the
    organ serves (``530500`` for 保山市), where known.
    """

    name: str
    level: OrganLevel
    division_code: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_record(self, _ORGAN_CHECKS, name=self.name)


@frozen(kw_only=True)
class Source:
    """Where the report was published, and the SHA-256 of the document as obtained."""

    url: str | None = None
    sha256: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_record(self, _SOURCE_CHECKS, url=self.url)


@frozen(kw_only=True)
class Section:
    """A part of the narrative: its heading as printed (``None`` for an untitled preamble)."""

    title: str | None
    text: str

    def __attrs_post_init__(self) -> None:
        _check_record(self, _SECTION_CHECKS, title=self.title, text=self.text)


@frozen(kw_only=True)
class Coverage:
    """The part of the form a report's source reached, where it did not reach the end.

    A published excerpt (or a page cut off in the middle) can stop inside table 三: the
    cells after ``last_row`` (a ``table.row`` key in form order, such as
    ``applications.denied_third_party``; ``indicators.<cell>`` in the legacy table) were
    never seen, which is not the same as cells printed blank. Lenient checks read a blank
    as 0 only where the source reached it.
    """

    last_row: str

    def __attrs_post_init__(self) -> None:
        if not is_text(self.last_row) or self.last_row.count(".") != 1:
            raise ValidationError.at(
                "$.last_row",
                f"expected a 'table.row' key, got {shown(self.last_row)}",
                ProblemKind.TEXT,
                f"应为“表.行”形式的键，实际为 {shown(self.last_row)}",
            )


def _row_order(fmt: ReportFormat) -> dict[str, int]:
    """Each cell's path and each ``table.row`` key of a format, by the position of its row."""
    known = _ROW_ORDER.get(fmt)
    if known is None:
        known = {}
        for e in STATISTICS_CLASSES[fmt].catalogue():
            known.setdefault(f"{e.table}.{e.row}", len(known))
        for e in STATISTICS_CLASSES[fmt].catalogue():
            known[e.path] = known[f"{e.table}.{e.row}"]
        _ROW_ORDER[fmt] = known
    return known


_ROW_ORDER: dict[ReportFormat, dict[str, int]] = {}


def _operands(claim: Claim) -> tuple[tuple[str, CellSum | ClaimSum], ...]:
    about = claim.about
    if about is None:
        return ()
    if type(about) is Share:
        if about.numerator is None:
            return ((".about.denominator", about.denominator),)
        return ((".about.numerator", about.numerator), (".about.denominator", about.denominator))
    return ((".about", about),)  # type: ignore[return-value]  # CellSum or ClaimSum


_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "organ": (Organ,),
    "format": (ReportFormat,),
    "dated": (date, type(None)),
    "published": (date, type(None)),
    "source": (Source, type(None)),
    "coverage": (Coverage, type(None)),
}


def _is_one_of(value: object, types_: tuple[type, ...]) -> bool:
    # A datetime is a date to isinstance(), but a report's dates are days.
    return any(type(value) is t if t is date else isinstance(value, t) for t in types_)


def _field_problem(name: str, value: object) -> Problem | None:
    """What is wrong with one field on its own, if anything."""
    types_ = _FIELD_TYPES.get(name)
    if types_ is not None:
        if _is_one_of(value, types_):
            return None
        return wrong_value(
            f"$.{name}",
            ProblemKind.CLASS_TYPE,
            value,
            types_[0].__name__,
            f"应为 {types_[0].__name__}",
        )
    if name == "year":
        if type(value) is int and 2000 <= value <= 2100:
            return None
        return wrong_value(
            "$.year",
            ProblemKind.OUT_OF_RANGE,
            value,
            "a year from 2000 to 2100",
            "年份应在 2000 至 2100 之间",
        )
    if name == "title" and value is not None and not is_text(value):
        return wrong_value("$.title", ProblemKind.TEXT, value, "a title or None", "应为标题或 None")
    if name == "title" and isinstance(value, str):
        found = surrogate_problems(title=value)
        return found[0] if found else None
    if name in ("sections", "claims") and not isinstance(value, tuple):
        return Problem(
            f"$.{name}",
            f"expected a tuple, got {type(value).__name__}",
            ProblemKind.CLASS_TYPE,
            f"应为元组，实际为 {type(value).__name__}",
        )
    return None


def _check_fields(values: Mapping[str, Any]) -> list[Problem]:
    """Each field on its own (only those given), in the order of the fields."""
    problems = []
    for name, value in values.items():
        problem = _field_problem(name, value)
        if problem is not None:
            problems.append(problem)
        elif name in ("sections", "claims"):
            cls = Section if name == "sections" else Claim
            problems.extend(
                wrong_value(
                    f"$.{name}[{i}]",
                    ProblemKind.CLASS_TYPE,
                    v,
                    f"a {cls.__name__}",
                    f"应为 {cls.__name__}",
                )
                for i, v in enumerate(value)
                if not isinstance(v, cls)
            )
    return problems


def _check_statistics(fmt: ReportFormat, statistics: object) -> list[Problem]:
    expected = STATISTICS_CLASSES[fmt]
    if isinstance(statistics, expected):
        return []
    return [
        Problem(
            "$.statistics",
            f"format {fmt.value} needs {expected.__name__}, got {type(statistics).__name__}",
            ProblemKind.INCONSISTENT,
            f"格式 {fmt.value} 需要 {expected.__name__}，实际为 {type(statistics).__name__}",
        )
    ]


def check_claim_links(
    claims: Sequence[tuple[int, Claim]],
    fmt: ReportFormat | None,
    sections: int | None,
    other_ids: frozenset[str] | None = frozenset(),
) -> list[Problem]:
    """Claims refer to claims, cells and sections that exist, judged on what is known.

    ``claims`` pairs each claim with its position in the report; ``fmt`` or ``sections``
    is ``None`` when not known, and ``other_ids`` are the ids of claims that exist but
    could not be read (the JSON reader passes them, so they are not reported as missing;
    ``None`` when some of those ids are not known either, so no id is reported missing).
    """
    problems: list[Problem] = []
    ids: dict[str, int] = {}
    for i, c in claims:
        if c.id in ids:
            problems.append(
                Problem(
                    f"$.claims[{i}].id",
                    f"duplicate claim id {shown(c.id)}",
                    ProblemKind.REFERENCE,
                    f"陈述标识重复：{shown(c.id)}",
                )
            )
        ids.setdefault(c.id, i)
    cells = STATISTICS_CLASSES[fmt].catalogue().paths if fmt is not None else None
    # Plain loops: this runs for every report loaded, and most claims are fine.
    for i, c in claims:
        if sections is not None and c.section is not None and c.section >= sections:
            problems.append(
                Problem(
                    f"$.claims[{i}].section",
                    f"no section {c.section}: the report has {sections}",
                    ProblemKind.REFERENCE,
                    f"没有第 {c.section} 节：报告共 {sections} 节",
                )
            )
        for where, operand in _operands(c):
            if isinstance(operand, CellSum):
                if cells is None:
                    continue
                for j, p in enumerate(operand.paths):
                    if p not in cells:
                        problems.append(
                            Problem(
                                f"$.claims[{i}]{where}.paths[{j}]",
                                f"{_fmt_name(fmt)} has no cell {shown(p)}",
                                ProblemKind.REFERENCE,
                                f"{_fmt_name(fmt)} 没有单元格 {shown(p)}",
                            )
                        )
                continue
            for j, ref in enumerate(operand.ids):
                if ref == c.id:
                    why, why_zh = "a claim cannot refer to itself", "陈述不能引用自身"
                elif ref not in ids and other_ids is not None and ref not in other_ids:
                    why, why_zh = (
                        f"no claim with id {shown(ref)}",
                        f"没有标识为 {shown(ref)} 的陈述",
                    )
                else:
                    continue
                problems.append(
                    Problem(f"$.claims[{i}]{where}.ids[{j}]", why, ProblemKind.REFERENCE, why_zh)
                )
    return problems


def _fmt_name(fmt: ReportFormat | None) -> str:
    """The format's value for messages."""
    return fmt.value if fmt is not None else "the format"


def report_problems(values: Mapping[str, Any]) -> list[Problem]:
    """What is wrong with the fields of a report, judged on whichever fields are given.

    The constructor passes every field; the JSON reader passes those it could read, so that
    a document with a bad count still has its claims' links and its year checked.
    """
    problems = _check_fields(values)
    fmt = values.get("format")
    fmt = fmt if isinstance(fmt, ReportFormat) else None
    if fmt is not None and "statistics" in values:
        problems.extend(_check_statistics(fmt, values["statistics"]))
    coverage = values.get("coverage")
    if fmt is not None and isinstance(coverage, Coverage):
        key = coverage.last_row
        if key not in _row_order(fmt) or key.count(".") != 1 or "." not in key:
            problems.append(
                Problem(
                    "$.coverage.last_row",
                    f"{fmt.value} has no row {shown(key)}",
                    ProblemKind.REFERENCE,
                    f"{fmt.value} 没有行 {shown(key)}",
                )
            )
    claims = values.get("claims")
    if isinstance(claims, tuple) and all(isinstance(c, Claim) for c in claims):
        sections = values.get("sections")
        n_sections = len(sections) if isinstance(sections, tuple) else None
        problems.extend(check_claim_links(list(enumerate(claims)), fmt, n_sections))
    return problems


@frozen(kw_only=True)
class Report:
    """A 政府信息公开工作年度报告: an organ's annual report for ``year``.

    Structural validity (types, signs, the statistics class matching ``format``, claims that
    refer to cells and claims that exist) is enforced here. Accounting consistency is not:
    a report with wrong totals loads, and the consistency checks say what is wrong.
    """

    organ: Organ
    year: int
    format: ReportFormat
    statistics: Statistics
    title: str | None = None
    dated: date | None = None
    published: date | None = None
    source: Source | None = None
    sections: tuple[Section, ...] = ()
    claims: tuple[Claim, ...] = ()
    #: ``None``: the source covered the whole form (or nothing says otherwise).
    coverage: Coverage | None = None
    _claims_by_id: dict[str, Claim] = field(init=False, eq=False, repr=False, hash=False)

    @_claims_by_id.default
    def _index_claims(self) -> dict[str, Claim]:
        claims: object = self.claims
        if not isinstance(claims, tuple):
            return {}
        return {c.id: c for c in claims if isinstance(c, Claim)}

    def __attrs_post_init__(self) -> None:
        values = {a.name: getattr(self, a.name) for a in attrs.fields(Report) if a.init}
        _raise_if(report_problems(values))

    def statistics_as(self, cls: type[StatisticsT]) -> StatisticsT:
        """The statistics, typed as the format's class (what a type checker can follow).

        ``report.statistics`` is the union of the three formats' classes, so
        ``report.statistics.applications`` does not type-check;
        ``report.statistics_as(Statistics2021).applications`` does, and raises
        :class:`~disclosure_model.errors.FormatMismatchError` for a report in another format.

        >>> import disclosure_model as dm
        >>> r = dm.examples.load("huaian-2024")
        >>> r.statistics_as(dm.Statistics2021).applications.new_received.total
        3119
        """
        stats = self.statistics
        if not isinstance(stats, cls):
            msg = (
                f"the report follows {self.format.value} ({type(stats).__name__}), "
                f"not {cls.__name__}"
            )
            raise FormatMismatchError(msg)
        return stats

    def covers(self, path: str) -> bool:
        """Whether the report's source reached the cell at catalogue ``path``."""
        if self.coverage is None:
            return True
        order = _row_order(self.format)
        return order[path] <= order[self.coverage.last_row]

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        try:
            return self._claims_by_id[claim_id]
        except KeyError:
            msg = f"no claim with id {claim_id!r}"
            raise KeyError(msg) from None

    def __repr__(self) -> str:
        """One short line: organ, year, format, how much is stated (the narrative is not)."""
        from disclosure_model.render._repr import report_repr

        return report_repr(self)

    def _repr_html_(self) -> str:
        """In Jupyter: the header and the official tables."""
        from disclosure_model.render._repr import report_repr_html

        return report_repr_html(self)

    def section(self, title_prefix: str) -> Section | None:
        """The first section whose heading starts with ``title_prefix`` (e.g. ``"一、"``)."""
        return next(
            (s for s in self.sections if s.title is not None and s.title.startswith(title_prefix)),
            None,
        )

    def with_cells(self, cells: Mapping[str, object]) -> Report:
        """This report with the cells at the given catalogue paths set, every path and value
        checked at once (see :func:`disclosure_model.office.with_cells`).

        >>> import disclosure_model as dm
        >>> r = dm.examples.load("huaian-2024").with_cells({"reviews.review.upheld": 7})
        >>> r.statistics.cell("reviews.review.upheld")
        7
        """
        from disclosure_model.office._cells import with_cells

        return with_cells(self, cells)
