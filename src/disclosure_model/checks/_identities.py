"""The arithmetic rules, expanded from the identities the formats declare.

An :class:`~disclosure_model.formats._declare.Identity` declared on a row class is checked
in every row of that class; one declared on a table class in every column of its rows; one
declared on the legacy statistics class once. Legacy "其中" cells add a part-of rule each.
The expansion happens once per statistics class; checking a report is then a loop over
plain getters.
"""

from __future__ import annotations

import operator
import typing
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from attrs import frozen

from disclosure_model.checks._catalogue import Rule, rule
from disclosure_model.checks._findings import Finding, Involved, Outcome, lenient_note
from disclosure_model.formats import Entry, Label, LegacyStatistics, StatisticsBase
from disclosure_model.formats._declare import SPEC, Identity, Relation, RowSpec, slots
from disclosure_model.formatting import format_count

__all__ = ["check_identities", "instances"]


@frozen
class Instance:
    """One identity at one place of one format."""

    rule: Rule
    where: Label
    left: tuple[Entry, ...]
    relation: Relation
    right: tuple[Entry, ...]
    getters: tuple[Callable[[Any], Any], ...]
    #: Whether the sides are columns of one row (else rows, or legacy indicators).
    by_column: bool


def _side_label(entries: Sequence[Entry], *, by_column: bool) -> Label:
    def one(e: Entry) -> Label:
        return e.column_label if by_column else e.row_label

    if not entries:
        return Label("零", "zero")
    if len(entries) == 1:
        return one(entries[0])
    if len(entries) <= 3:
        return Label("、".join(one(e).zh for e in entries), " + ".join(one(e).en for e in entries))
    first, last = one(entries[0]), one(entries[-1])
    return Label(f"{first.zh}至{last.zh}各项", f"{first.en} through {last.en}")


def _make(
    code: str,
    where: Label,
    left: Sequence[Entry],
    relation: Relation,
    right: Sequence[Entry],
    *,
    by_column: bool = False,
) -> Instance:
    getters = tuple(operator.attrgetter(e.path) for e in (*left, *right))
    return Instance(rule(code), where, tuple(left), relation, tuple(right), getters, by_column)


def _expand(stats_cls: type[StatisticsBase]) -> tuple[Instance, ...]:
    catalogue = stats_cls.catalogue()
    out: list[Instance] = []
    for tf in attrs.fields(typing.cast(Any, stats_cls)):
        spec = tf.metadata.get(SPEC)
        if not isinstance(spec, tuple):
            continue
        tspec, tcls = spec
        rows = {rf.name: rf.metadata[SPEC] for rf in attrs.fields(tcls)}
        for ident in tcls.IDENTITIES:  # rows of a table, checked in each column
            row_cls = rows[(ident.left + ident.right)[0]].cls
            for col in (s.name for s in slots(row_cls)):

                def at(r: str, col: str = col, table: str = tf.name) -> Entry:
                    return catalogue[f"{table}.{r}.{col}"]

                column = at(ident.left[0]).column_label
                where = Label(f"表{tspec.code} {column.zh}列", f"table {tspec.code}, {column.en}")
                out.append(
                    _make(
                        ident.code,
                        where,
                        [at(r) for r in ident.left],
                        ident.relation,
                        [at(r) for r in ident.right],
                    )
                )
        for row_name, rspec in rows.items():  # columns of a row, checked in each row
            out.extend(_row_instances(catalogue, tf.name, tspec.code, row_name, rspec))
    if issubclass(stats_cls, LegacyStatistics):
        out.extend(_legacy_instances(stats_cls))
    return tuple(out)


def _row_instances(
    catalogue: Any, table: str, table_code: str, row_name: str, rspec: RowSpec
) -> list[Instance]:
    out = []
    for ident in rspec.cls.IDENTITIES:  # type: ignore[attr-defined]

        def at(c: str) -> Entry:
            entry: Entry = catalogue[f"{table}.{row_name}.{c}"]
            return entry

        label = rspec.label
        where = Label(f"表{table_code} {label.zh}", f"table {table_code}, {label.en}")
        out.append(
            _make(
                ident.code,
                where,
                [at(c) for c in ident.left],
                ident.relation,
                [at(c) for c in ident.right],
                by_column=True,
            )
        )
    return out


def _legacy_instances(stats_cls: type[LegacyStatistics]) -> list[Instance]:
    catalogue = stats_cls.catalogue()
    where = stats_cls.TABLE.label
    identities: list[Identity] = list(stats_cls.IDENTITIES)
    identities.extend(
        Identity("P-06", (e.path,), Relation.AT_MOST, (e.parent,))
        for e in catalogue
        if e.parent is not None
    )
    return [
        _make(
            ident.code,
            where,
            [catalogue[p] for p in ident.left],
            ident.relation,
            [catalogue[p] for p in ident.right],
        )
        for ident in identities
    ]


_INSTANCES: dict[type, tuple[Instance, ...]] = {}


def instances(stats_cls: type[StatisticsBase]) -> tuple[Instance, ...]:
    """Every identity of a format at every place it applies, expanded once per class."""
    known = _INSTANCES.get(stats_cls)
    if known is None:
        known = _INSTANCES[stats_cls] = _expand(stats_cls)
    return known


def _cover_with_combined(
    stats: LegacyStatistics, entries: Sequence[Entry], values: list[Any]
) -> list[Involved]:
    """Fill blank cells of one side, in place, with figures the report states for them
    together (the first cell of a combined figure takes its value, the others 0)."""
    used: list[Involved] = []
    blank = {e.path for e, v in zip(entries, values, strict=True) if v is None}
    for i, c in enumerate(stats.combined):
        if blank and set(c.cells) <= blank:
            blank -= set(c.cells)
            used.append(Involved(f"$.statistics.combined[{i}]", c.value))
            first = True
            for j, e in enumerate(entries):
                if e.path in c.cells:
                    values[j] = c.value if first else 0
                    first = False
    return used


_HOLDS = {
    Relation.EQUAL: operator.eq,
    Relation.AT_MOST: operator.le,
    Relation.AT_LEAST: operator.ge,
}


def _not_assessable(inst: Instance, missing: list[Entry], cells: tuple[Involved, ...]) -> Finding:
    def name(e: Entry, lang: str) -> str:
        # A legacy indicator is known by its label; a table cell by its official code.
        return getattr(e.row_label, lang) if e.column == "value" else e.code

    shown = missing[:3]
    more = len(missing) - len(shown)
    names_zh = "、".join(name(e, "zh") for e in shown) + (f"等 {len(missing)} 项" if more else "")
    names_en = ", ".join(name(e, "en") for e in shown) + (f" and {more} more" if more else "")
    verb_en = "is" if len(missing) == 1 else "are"
    first = missing[0]
    return Finding(
        code=inst.rule.code,
        severity=inst.rule.severity,
        outcome=Outcome.NOT_ASSESSABLE,
        path=f"$.statistics.{first.path}",
        cell_code=first.code,
        cells=cells,
        message_zh=f"{inst.where.zh}：{names_zh}未填报，无法核对。",
        message_en=f"{inst.where.en}: {names_en} {verb_en} not stated, so not checked.",
    )


def check_identities(
    stats: StatisticsBase,
    *,
    lenient: bool,
    locale: str,
    covers: Callable[[str], bool] | None = None,
) -> list[Finding]:
    """Evaluate every identity of the report's format; a finding for each that fails.

    In lenient mode a blank is read as 0 only where ``covers`` (the report's coverage)
    says the source reached the cell; a blank beyond that leaves the rule not assessable.
    """
    out: list[Finding] = []
    legacy = stats if isinstance(stats, LegacyStatistics) else None
    for inst in instances(type(stats)):
        values = [get(stats) for get in inst.getters]
        n_left = len(inst.left)
        if None not in values:
            left, right = sum(values[:n_left]), sum(values[n_left:])
            if _HOLDS[inst.relation](left, right):
                continue
            out.append(_fail(inst, values, (left, right), locale=locale))
            continue
        entries = (*inst.left, *inst.right)
        extra: list[Involved] = []
        if legacy is not None and legacy.combined:
            left_values, right_values = values[:n_left], values[n_left:]
            extra = _cover_with_combined(legacy, inst.left, left_values)
            extra += _cover_with_combined(legacy, inst.right, right_values)
            values = left_values + right_values
        missing = [e for e, v in zip(entries, values, strict=True) if v is None]
        if missing and not (lenient and (covers is None or all(covers(e.path) for e in missing))):
            cells = tuple(
                Involved(f"$.statistics.{e.path}", v, e.code)
                for e, v in zip(entries, values, strict=True)
            )
            out.append(_not_assessable(inst, missing, cells + tuple(extra)))
            continue
        zeroed = tuple(f"$.statistics.{e.path}" for e in missing)
        values = [0 if v is None else v for v in values]
        left, right = sum(values[:n_left]), sum(values[n_left:])
        if not _HOLDS[inst.relation](left, right):
            out.append(
                _fail(inst, values, (left, right), zeroed=zeroed, extra=tuple(extra), locale=locale)
            )
    return out


def _fail(
    inst: Instance,
    values: list[Any],
    sides: tuple[int, int],
    *,
    zeroed: tuple[str, ...] = (),
    extra: tuple[Involved, ...] = (),
    locale: str,
) -> Finding:
    left, right = sides
    entries = (*inst.left, *inst.right)
    left_label = _side_label(inst.left, by_column=inst.by_column)
    right_label = _side_label(inst.right, by_column=inst.by_column)
    fields = {
        "left": format_count(left, locale=locale),
        "right": format_count(right, locale=locale),
    }
    first = inst.left[0] if inst.left else inst.right[0]
    zh = inst.rule.template.zh.format(
        where=inst.where.zh, left_label=left_label.zh, right_label=right_label.zh, **fields
    )
    en = inst.rule.template.en.format(
        where=inst.where.en, left_label=left_label.en, right_label=right_label.en, **fields
    )
    if zeroed:
        note_zh, note_en = lenient_note(len(zeroed))
        zh, en = zh + note_zh, en + note_en
    cells = tuple(
        Involved(f"$.statistics.{e.path}", v, e.code) for e, v in zip(entries, values, strict=True)
    )
    return Finding(
        code=inst.rule.code,
        severity=inst.rule.severity,
        outcome=Outcome.FAIL,
        path=f"$.statistics.{first.path}",
        cell_code=first.code,
        expected=right,
        actual=left,
        cells=cells + extra,
        lenient=zeroed,
        message_zh=zh,
        message_en=en,
    )
