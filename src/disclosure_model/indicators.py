"""Harmonised indicators: one set of figures for every format, each mapping declared once.

The three statistics formats count applications, answers, reconsiderations and lawsuits
in different tables. An :class:`IndicatorSpec` names one figure an analyst follows over the
years (applications received, disclosed, denied, …), and an :class:`IndicatorMapping` says,
for one format, which cells make it up (signed sums, as the ratio catalogue writes them),
whether that is *exactly* the figure or only the nearest the format has, and why.
:func:`harmonise` evaluates every indicator of a report, with the same keys whatever its
format; :func:`harmonised_table` lists every mapping, for the documentation.

The 2019 and 2021 formats map exactly: the rows grouped under （三）不予公开 on the form,
say, are read from each format's declaration. The legacy table answered applications in other
categories, so most of its mappings are approximate, and two indicators have no legacy cell
at all (their value is ``None``, never 0).

>>> import disclosure_model as dm
>>> found = harmonise(dm.examples.load("baoshan-2018"))
>>> found["granted"].value, found["granted"].exact
(86, False)
>>> found["carried_over"].value is None
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import field, frozen

from disclosure_model.formats import Catalogue, Entry, Label, ReportFormat, catalogue, form
from disclosure_model.ratio_catalogue import Term
from disclosure_model.report import Report
from disclosure_model.values import Unit

__all__ = [
    "INDICATORS",
    "MAPPINGS",
    "Indicator",
    "IndicatorMapping",
    "IndicatorSpec",
    "MappingRow",
    "harmonise",
    "harmonised_table",
    "indicator_mapping",
    "indicator_specs",
]


@frozen(kw_only=True)
class IndicatorSpec:
    """One harmonised indicator: a figure with the same meaning in every format."""

    code: str
    name: Label
    unit: Unit = Unit.PIECE


def _check_terms(instance: IndicatorMapping, _attr: object, terms: tuple[Term, ...]) -> None:
    if not terms and instance.exact:
        where = f"{instance.indicator} ({instance.format.value})"
        msg = f"{where}: a mapping without cells cannot be exact"
        raise ValueError(msg)


@frozen(kw_only=True)
class IndicatorMapping:
    """How one format gives one indicator.

    ``terms`` are the cells added up (with their signs); none when the format has no cell
    for the indicator, whose value is then ``None``. ``exact`` says whether the cells count
    exactly what the indicator means, and ``reason`` why the mapping is what it is.
    """

    indicator: str
    format: ReportFormat
    terms: tuple[Term, ...] = field(validator=_check_terms)
    exact: bool
    reason: Label

    @property
    def cells(self) -> tuple[str, ...]:
        """The catalogue paths of the cells read."""
        return tuple(t.path for t in self.terms)

    def describe(self) -> str:
        """The cells as a reader finds them on the form (labels, not paths); ``—`` for none."""
        return _describe(catalogue(self.format), self.terms)


@frozen(kw_only=True)
class Indicator:
    """One indicator of one report.

    ``value`` is ``None`` when a cell it needs is not stated (``missing`` names those) or
    when the format has no cell for it (``cells`` is then empty); it is never made 0.
    """

    code: str
    value: int | None
    exact: bool
    cells: tuple[str, ...]
    missing: tuple[str, ...]
    reason: Label


# --- the catalogue --------------------------------------------------------------------------

#: Every indicator, in the order of the forms (applications, then reconsiderations and lawsuits).
INDICATORS: tuple[IndicatorSpec, ...] = tuple(
    IndicatorSpec(code=code, name=Label(zh, en))
    for code, zh, en in (
        ("received", "本年新收申请", "applications received"),
        ("carried_over", "上年结转申请", "applications carried over from last year"),
        ("decided", "办理结果总计", "applications decided"),
        ("granted", "予以公开", "disclosed"),
        ("partially_granted", "部分公开", "partly disclosed"),
        ("denied", "不予公开", "not disclosed"),
        ("unable_to_provide", "无法提供", "cannot be provided"),
        ("not_processed", "不予处理", "not processed"),
        ("handled_otherwise", "其他处理", "handled otherwise"),
        ("carried_forward", "结转下年度", "applications carried forward to next year"),
        ("reviews", "行政复议", "administrative reconsiderations"),
        ("reviews_corrected", "行政复议结果纠正", "reconsiderations with the decision corrected"),
        ("lawsuits", "行政诉讼", "administrative lawsuits"),
        ("lawsuits_corrected", "行政诉讼结果纠正", "lawsuits with the decision corrected"),
    )
)

_NEW_FORMATS = (ReportFormat.GOV_2021, ReportFormat.GOV_2019)


def _group(fmt: ReportFormat, key: str) -> tuple[Term, ...]:
    """The 总计 cells of the rows of table 三 in the form's group ``key`` (``denied``).

    A group the format prints as a single row (the 2019 form's （六）其他处理) is that row.
    """
    t = form(fmt).table("applications")
    node = t.node(_SINGLE_ROW.get((fmt, key), key))
    rows = (node.key,) if not node.is_group else t.rows_under(key)
    return tuple(Term(t.path(r, "total")) for r in rows)


#: Groups of the 2021 form that the 2019 form prints as one row.
_SINGLE_ROW = {(ReportFormat.GOV_2019, "other"): "other_total"}


def _cells(*paths: str) -> tuple[Term, ...]:
    return tuple(Term(p) for p in paths)


_OWN_ROW = Label("本格式表上的同一栏目（总计列）。", "the form's own row (总计 column).")


def _new_format(fmt: ReportFormat) -> list[IndicatorMapping]:
    """The exact mappings of the 2019 and 2021 formats, read from each one's declaration."""

    def own(code: str, *paths: str, reason: Label = _OWN_ROW) -> IndicatorMapping:
        return IndicatorMapping(
            indicator=code, format=fmt, terms=_cells(*paths), exact=True, reason=reason
        )

    def grouped(code: str, key: str) -> IndicatorMapping:
        terms = _group(fmt, key)
        group_zh = form(ReportFormat.GOV_2021).table("applications").group(key).label.zh
        if len(terms) == 1:
            reason = Label(
                f"{group_zh}在本格式中只有一行（总计列）。",
                f"{group_zh} is a single row in this format (总计 column).",
            )
        else:
            reason = Label(
                f"{group_zh}下各项之和（总计列）；表上不印小计。",
                f"the rows under {group_zh} added up (总计 column); the form prints no subtotal.",
            )
        return IndicatorMapping(indicator=code, format=fmt, terms=terms, exact=True, reason=reason)

    def lawsuits(column: str) -> tuple[str, ...]:
        return (f"reviews.litigation_direct.{column}", f"reviews.litigation_after_review.{column}")

    both_blocks = Label(
        "未经复议直接起诉与复议后起诉两部分之和。",
        "lawsuits filed directly and after reconsideration added up.",
    )
    return [
        own("received", "applications.new_received.total"),
        own("carried_over", "applications.carried_over.total"),
        own("decided", "applications.results_total.total"),
        own("granted", "applications.granted.total"),
        own("partially_granted", "applications.partially_granted.total"),
        grouped("denied", "denied"),
        grouped("unable_to_provide", "unable"),
        grouped("not_processed", "not_processed"),
        grouped("handled_otherwise", "other"),
        own("carried_forward", "applications.carried_forward.total"),
        own("reviews", "reviews.review.total"),
        own("reviews_corrected", "reviews.review.corrected"),
        own("lawsuits", *lawsuits("total"), reason=both_blocks),
        own("lawsuits_corrected", *lawsuits("corrected"), reason=both_blocks),
    ]


def _legacy() -> list[IndicatorMapping]:
    """The legacy mappings: exact where the concepts agree, approximate where they differ."""

    def legacy(code: str, paths: Sequence[str], exact: bool, zh: str, en: str) -> IndicatorMapping:
        return IndicatorMapping(
            indicator=code,
            format=ReportFormat.LEGACY,
            terms=_cells(*paths),
            exact=exact,
            reason=Label(zh, en),
        )

    return [
        legacy(
            "received",
            ("applications_received",),
            True,
            "“收到申请数”即本年收到的申请，与“本年新收政府信息公开申请数量”口径相同。",
            "收到申请数 counts the applications received in the year, "
            "as 本年新收 does in the 2019 and 2021 formats.",
        ),
        legacy(
            "carried_over",
            (),
            False,
            "旧统计表没有上年结转的申请数，无对应数据。",
            "the legacy table has no row for applications carried over from last year.",
        ),
        legacy(
            "decided",
            ("applications_replied",),
            False,
            "取“申请答复数”：旧表各答复类别之和为答复数，如同2019年起各办理结果之和为"
            "（七）总计；但答复数按本年作出的答复计，并非按办结的申请计，"
            "“申请办结数”也可能与之不同。",
            "taken as 申请答复数 (applications answered): the legacy answer categories add up "
            "to it as the 2019 outcomes add up to （七）总计; but it counts answers given, "
            "not applications concluded, and 申请办结数 (completed) may differ from it.",
        ),
        legacy(
            "granted",
            ("reply_already_public", "reply_granted"),
            False,
            "2019年起的格式没有“属于已主动公开范围”一栏，告知申请人已公开信息获取方式的答复"
            "（《条例》第三十六条第（一）项）计入（一）予以公开，故两项相加。",
            "the 2019 and 2021 formats have no row for information already disclosed "
            "proactively: telling the applicant where to find it (条例 art. 36(1)) counts as "
            "（一）予以公开, so 属于已主动公开范围 and 同意公开 are added.",
        ),
        legacy(
            "partially_granted",
            ("reply_partially_granted",),
            True,
            "同一概念：对可区分处理的信息部分公开（2019年《条例》第三十七条）。",
            "the same concept: partial disclosure of separable information (2019 条例 art. 37).",
        ),
        legacy(
            "denied",
            ("reply_refused",),
            False,
            "旧表“不同意公开”的理由（国家秘密、商业秘密、个人隐私、危及安全稳定、"
            "不是《条例》所指政府信息、其他法定情形）与2019年起（三）不予公开的八项不同："
            "“不是《条例》所指政府信息”在新格式中没有对应栏目，而内部事务信息、过程性信息、"
            "行政执法案卷和行政查询事项是2019年《条例》列明的不予公开情形。",
            "the legacy refusal reasons (state, commercial and private secrets, security and "
            "stability, not government information, other legal cases) differ from the eight "
            "of （三）不予公开: 'not government information' has no row in the new formats, "
            "and internal affairs, process information, enforcement files and administrative "
            "queries are grounds the 2019 条例 lists.",
        ),
        legacy(
            "unable_to_provide",
            ("reply_not_this_organ", "reply_not_exist"),
            False,
            "2019年起“本机关不掌握相关政府信息”涵盖不属于本机关（《条例》第三十六条第（五）项）"
            "和信息不存在（第（四）项）两种答复，故两项相加；但“没有现成信息需要另行制作”"
            "“补正后申请内容仍不明确”在旧表没有对应栏目。",
            "the 2019 row 本机关不掌握相关政府信息 covers both 'not this organ's' (条例 art. "
            "36(5)) and 'does not exist' (art. 36(4)), so the two are added; but 'would have to be "
            "produced' and 'still unclear after correction' have no legacy row.",
        ),
        legacy(
            "not_processed",
            ("reply_other_channel",),
            False,
            "旧表“告知通过其他途径办理”多为信访、举报、投诉和应依其他法律法规办理的申请；"
            "2019年起前者计入（五）不予处理，后者计入（三）不予公开第8项行政查询事项，"
            "而重复申请、要求提供公开出版物等不予处理情形在旧表没有对应栏目。",
            "the legacy 'told to use another channel' answers are mostly petitions, reports "
            "and complaints, or matters handled under other laws; since 2019 the first count "
            "under （五）不予处理 and the second under （三） item 8 (administrative queries), "
            "and the other grounds of （五） (repeated requests, published material, …) have "
            "no legacy row.",
        ),
        legacy(
            "handled_otherwise",
            ("reply_ask_amend",),
            False,
            "旧表“告知作出更改补充”是要求申请人补正的答复；2019年起只有申请人逾期不补正、"
            "机关不再处理的才计入（六）其他处理，补正后继续办理的按最终结果计。",
            "the legacy answer asks the applicant to amend or supplement the request; since "
            "2019 only requests not corrected in time, and so no longer processed, count "
            "under （六）其他处理, and corrected ones count by their final result.",
        ),
        legacy(
            "carried_forward",
            (),
            False,
            "旧统计表没有结转下年度的申请数，无对应数据。",
            "the legacy table has no row for applications carried forward to next year.",
        ),
        legacy(
            "reviews",
            ("review_total",),
            True,
            "行政复议案件数，口径相同。",
            "the number of administrative reconsiderations, counted alike.",
        ),
        legacy(
            "reviews_corrected",
            ("review_corrected",),
            True,
            "“被依法纠错数”即复议结果纠正。",
            "被依法纠错 is a reconsideration that corrected the decision (结果纠正).",
        ),
        legacy(
            "lawsuits",
            ("litigation_total",),
            True,
            "旧表行政诉讼数量不区分是否经过复议，即新格式两类起诉之和。",
            "the legacy count of lawsuits does not split them by reconsideration, so it is "
            "the two blocks of the new formats together.",
        ),
        legacy(
            "lawsuits_corrected",
            ("litigation_corrected",),
            True,
            "“被依法纠错数”即诉讼结果纠正，不区分是否经过复议。",
            "被依法纠错 is a lawsuit that corrected the decision (结果纠正), both blocks.",
        ),
    ]


#: Every mapping: each indicator in each format (2021, 2019, legacy).
MAPPINGS: tuple[IndicatorMapping, ...] = tuple(
    m for fmt in _NEW_FORMATS for m in _new_format(fmt)
) + tuple(_legacy())

_BY_FORMAT: dict[ReportFormat, dict[str, IndicatorMapping]] = {
    fmt: {m.indicator: m for m in MAPPINGS if m.format is fmt} for fmt in ReportFormat
}


def indicator_specs() -> tuple[IndicatorSpec, ...]:
    """The indicator catalogue, in order."""
    return INDICATORS


def indicator_mapping(code: str, fmt: ReportFormat | str) -> IndicatorMapping:
    """How format ``fmt`` gives indicator ``code``."""
    try:
        return _BY_FORMAT[ReportFormat(fmt)][code]
    except KeyError:
        msg = f"no indicator {code!r}"
        raise KeyError(msg) from None


# --- evaluation -----------------------------------------------------------------------------


def _evaluate(mapping: IndicatorMapping, report: Report) -> Indicator:
    stats = report.statistics
    total, missing = 0, []
    for t in mapping.terms:
        value = stats.cell(t.path)
        if isinstance(value, int):
            total += t.sign * value
        else:  # not stated (every mapped cell is a count)
            missing.append(t.path)
    return Indicator(
        code=mapping.indicator,
        value=total if mapping.terms and not missing else None,
        exact=mapping.exact,
        cells=mapping.cells,
        missing=tuple(missing),
        reason=mapping.reason,
    )


def harmonise(report: Report) -> Mapping[str, Indicator]:
    """Every harmonised indicator of ``report``, by code, in catalogue order.

    The keys are the same for every format. An indicator whose cells are not all stated,
    or that the format does not have, has the value ``None``.
    """
    mappings = _BY_FORMAT[report.format]
    return {spec.code: _evaluate(mappings[spec.code], report) for spec in INDICATORS}


# --- the mapping table for the documentation -------------------------------------------------


@frozen(kw_only=True)
class MappingRow:
    """One row of the mapping table: an indicator in one format, as the docs show it."""

    indicator: str
    name: Label
    format: ReportFormat
    cells: str
    exact: bool
    reason: Label
    #: Whether the format has a cell for the indicator at all.
    available: bool

    @property
    def status(self) -> str:
        """``exact``, ``approximate`` or ``no cell``."""
        if not self.available:
            return "no cell"
        return "exact" if self.exact else "approximate"


def harmonised_table() -> tuple[MappingRow, ...]:
    """Every mapping as a row for the documentation: by indicator, then 2021, 2019, legacy."""
    order = (ReportFormat.GOV_2021, ReportFormat.GOV_2019, ReportFormat.LEGACY)
    rows = []
    for spec in INDICATORS:
        for fmt in order:
            m = _BY_FORMAT[fmt][spec.code]
            rows.append(
                MappingRow(
                    indicator=spec.code,
                    name=spec.name,
                    format=fmt,
                    cells=m.describe(),
                    exact=m.exact,
                    reason=m.reason,
                    available=bool(m.terms),
                )
            )
    return tuple(rows)


def _cell_label(e: Entry) -> str:
    if e.column == "value":  # a legacy indicator: one value per row
        return e.row_label.zh
    return f"{e.row_label.zh} · {e.column_label.zh}"


def _describe(cat: Catalogue, terms: tuple[Term, ...]) -> str:
    """The cells as labels; all the rows of one group of the form as that group's label."""
    if not terms:
        return "—"
    entries = [cat[t.path] for t in terms]
    signs = [t.sign for t in terms]
    first = entries[0]
    if len(entries) > 2 and all(s == 1 for s in signs) and first.row_groups:
        group = first.row_groups[-1]
        whole = [
            e.path
            for e in cat
            if e.table == first.table and e.column == first.column and group in e.row_groups
        ]
        if whole == [e.path for e in entries]:
            return f"{group.zh} 1–{len(entries)} · {first.column_label.zh}"
    text = _cell_label(first)
    for e, sign in zip(entries[1:], signs[1:], strict=True):
        text += f" {'+' if sign > 0 else '−'} {_cell_label(e)}"
    return text
