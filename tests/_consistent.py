"""Consistent reports from a seed, for parametrised tests that walk every rule.

:func:`fixed_report` is the first report :func:`disclosure_model.strategies.reports` draws
from a seeded :class:`random.Random` that states at least ten non-zero counts, by a city
government (which may make 规章 and is due by 31 March), so a test gets the same report every
run; reports are immutable, so they are cached. Every cell is stated and every rule holds,
so a fixed report gives no finding at all.
"""

from __future__ import annotations

import functools
import random
from datetime import date
from typing import Any

import attrs
from hypothesis import Phase, find, settings

import disclosure_model as dm
from disclosure_model import strategies as dms

__all__ = ["fixed_report", "report_around", "section_titles"]

#: Generate until the first busy report; there is nothing to shrink.
_FIRST_BUSY = settings(database=None, phases=[Phase.generate], max_examples=1000)


def _busy(report: dm.Report) -> bool:
    return sum(1 for _, v in report.statistics.cells() if isinstance(v, int) and v) >= 10


@functools.cache
def fixed_report(fmt: dm.ReportFormat, seed: int) -> dm.Report:
    """A city government's consistent report in ``fmt``, the same for the same seed."""
    found = find(dms.reports(format=fmt), _busy, settings=_FIRST_BUSY, random=random.Random(seed))
    # The organ changes after the draw, so the date is set to one within a city's deadline
    # (the drawn one was within the drawn organ's, which may be later or none at all).
    return attrs.evolve(
        found,
        organ=dm.Organ(name="某市人民政府", level=dm.OrganLevel.CITY),
        published=date(found.year + 1, 1, 20),
        dated=None,
    )


#: A year each format is right for.
_YEARS = {
    dm.ReportFormat.LEGACY: 2018,
    dm.ReportFormat.GOV_2019: 2020,
    dm.ReportFormat.GOV_2021: 2021,
}


def report_around(stats: Any) -> dm.Report:
    """A city government's report around ``stats``, right for its format, published in time
    (for use inside a hypothesis test, where drawing a fixed report would nest ``find``)."""
    fmt = stats.FORMAT
    year = _YEARS[fmt]
    return dm.Report(
        organ=dm.Organ(name="某市人民政府", level=dm.OrganLevel.CITY),
        year=year,
        format=fmt,
        statistics=stats,
        published=date(year + 1, 1, 20),
        sections=() if fmt is dm.ReportFormat.LEGACY else section_titles(),
    )


def section_titles() -> tuple[dm.Section, ...]:
    """The six sections of the 2019 and 2021 formats; section 六 speaks of 信息处理费."""
    titles = (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    )
    texts = ("无。",) * 5 + ("逾期未缴纳信息处理费的申请见表三（六）2。",)
    return tuple(dm.Section(title=t, text=x) for t, x in zip(titles, texts, strict=True))
