"""Reading the narrative of published reports (disclosure_model.parsing._prose).

Expected values are read by hand from the texts in ``tests/parsing/corpus`` (organ, year and
level as the corpus README lists them, headings as printed), or come from the bundled
examples, which are hand transcriptions of the same reports.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import disclosure_model as dm
from disclosure_model.claims import (
    Approximation,
    CellSum,
    Claim,
    ClaimKind,
    ClaimSum,
    Share,
)
from disclosure_model.errors import DisclosureModelError, ValidationError
from disclosure_model.formats import CombinedFigure, LegacyStatistics, ReportFormat
from disclosure_model.parsing._prose import (
    Narrative,
    organ_level,
    read_legacy,
    read_narrative,
)
from disclosure_model.report import Organ, OrganLevel, Report, Source
from disclosure_model.values import Amount, MoneyUnit

CORPUS = Path(__file__).parent / "corpus"


def corpus_text(name: str) -> str:
    """A corpus text without the ``SOURCE:`` line the corpus adds (not part of the report)."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    if text.startswith("SOURCE:"):
        text = text.split("\n", 1)[1]
    return text


SEED = "baoshan-2018.txt"

# --------------------------------------------------------------------------------------------


class TestOrganLevel:
    """The level of an organ from its name, where the name makes it clear."""

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("保山市人民政府", OrganLevel.CITY),
            ("淮安市人民政府", OrganLevel.CITY),
            ("德宏傣族景颇族自治州人民政府", OrganLevel.CITY),
            ("云南省人民政府", OrganLevel.PROVINCE),
            ("上海市人民政府", OrganLevel.PROVINCE),
            ("淮安市洪泽区人民政府", OrganLevel.COUNTY),
            ("沭阳县人民政府", OrganLevel.COUNTY),
            ("保山市腾冲市人民政府", OrganLevel.COUNTY),
            ("太平镇人民政府", OrganLevel.TOWNSHIP),
            ("沅陵县二酉苗族乡人民政府", OrganLevel.TOWNSHIP),
            ("会昌县中村乡人民政府", OrganLevel.TOWNSHIP),
            ("龙岗区坂田街道办事处", OrganLevel.TOWNSHIP),
            ("保山市人民政府办公室", OrganLevel.CITY_DEPARTMENT),
            ("岳阳市财政局", OrganLevel.CITY_DEPARTMENT),
            ("沭阳县发展和改革局", OrganLevel.COUNTY_DEPARTMENT),
            ("深圳市龙岗区水务局", OrganLevel.COUNTY_DEPARTMENT),
            ("上海市科学技术委员会", OrganLevel.PROVINCIAL_DEPARTMENT),
            ("上海市人民政府办公厅", OrganLevel.PROVINCIAL_DEPARTMENT),
            ("云南省教育厅", OrganLevel.PROVINCIAL_DEPARTMENT),
            ("国家发展和改革委员会", OrganLevel.STATE_COUNCIL_DEPARTMENT),
            ("平潭综合实验区管委会", OrganLevel.OTHER),
            ("沅陵縣二酉苗族鄉(xiāng)人民政府", OrganLevel.TOWNSHIP),
        ],
    )
    def test_levels(self, name: str, expected: OrganLevel) -> None:
        """Governments by their area, departments by the government they belong to."""
        assert expected == organ_level(name)

    @pytest.mark.parametrize("name", ["某某", "", "我局", "关于印发"])
    def test_unclear(self, name: str) -> None:
        """A name that says nothing about the level gives None, not a guess."""
        assert organ_level(name) is None


# Title, organ, level, year and dates of each corpus text, by hand from the text (the corpus
# README lists organ, year and level; where the text itself does not name the organ, None).
TITLES = {
    "baoshan-2018.txt": (
        "保山市2018年政府信息公开工作年度报告",
        "保山市人民政府",
        OrganLevel.CITY,
        2018,
        date(2019, 12, 24),
        date(2019, 2, 13),
    ),
    "baoshan-city-2024-excerpt.txt": (None, None, None, 2024, None, None),
    "baoshan-office-2024-excerpt.txt": (None, None, None, 2024, None, None),
    "huaian-city-2024-pdf.txt": (
        "淮安市人民政府2024年政府信息公开工作年度报告",
        "淮安市人民政府",
        OrganLevel.CITY,
        2024,
        None,
        None,
    ),
    # The README names 会昌县中村乡人民政府; the text names only 中村乡 (the county comes
    # from the site), so the organ is 中村乡's people's government.
    "huichang-zhongcun-2020-excerpt.txt": (
        "中村乡2020年政府信息公开工作年度报告",
        "中村乡人民政府",
        OrganLevel.TOWNSHIP,
        2020,
        None,
        None,
    ),
    "nilka-town-2023-excerpt.txt": (None, None, None, 2023, None, None),
    "shenzhen-longgang-dept-2024-excerpt.txt": (None, None, None, 2024, None, None),
    "xixian-taiping-town-2022-excerpt.txt": (
        "太平镇人民政府2022年政府信息公开工作年度报告",
        "太平镇人民政府",
        OrganLevel.TOWNSHIP,
        2022,
        None,
        None,
    ),
    "yuanling-eryou-2020-excerpt.txt": (
        "沅陵縣二酉苗族鄉(xiāng)人民政府2020年政府信息公開工作年度報告",
        "沅陵县二酉苗族乡人民政府",
        OrganLevel.TOWNSHIP,
        2020,
        date(2021, 1, 18),
        None,
    ),
    "yueyang-nanhu-bureau-2019-excerpt.txt": (None, None, None, 2019, None, None),
}

_GOV = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况")
# Top-level headings as printed, by hand; None = the untitled preamble before the first.
HEADINGS = {
    "baoshan-2018.txt": (
        None,
        "一、总体公开说明",
        "二、政府信息主动公开情况",
        "三、重点领域政府信息公开工作情况",
        "四、推进“互联网+政务服务”工作情况",
        "五、提案议案办理结果公开情况",
        "六、开展政策解读情况",
        "七、政府信息公开工作中的政务舆情和社会重大关切回应情况",
        "八、政府信息依申请公开工作详细情况",
        "九、公开平台载体建设情况",
        "十、信息公开相关举报、复议、诉讼情况",
        "十一、完善公开制度机制建设情况",
        "十二、推进公开工作存在的问题与不足",
        "十三、开展2019年工作的初步计划安排",
        "十四、其他应报告的事项",
        "十五、附表",
    ),
    # Both 保山 2024 excerpts stop inside section 一.
    "baoshan-city-2024-excerpt.txt": (None, "一、总体情况"),
    "baoshan-office-2024-excerpt.txt": (None, "一、总体情况"),
    # Table 三's row labels 一、…四、 (四、结转下年度继续办理) are not headings.
    "huaian-city-2024-pdf.txt": (
        None,
        *_GOV,
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ),
    # The excerpt ends in the middle of the heading 三、收到…, which is not kept.
    "huichang-zhongcun-2020-excerpt.txt": (None, "一、总体情况", "二、主动公开政府信息情况"),
    "nilka-town-2023-excerpt.txt": _GOV,
    "shenzhen-longgang-dept-2024-excerpt.txt": _GOV,
    "xixian-taiping-town-2022-excerpt.txt": _GOV,
    "yuanling-eryou-2020-excerpt.txt": (
        None,
        "一、總體情況",
        "二、主動公開政府信息情況",
        "三、收到和處理政府信息公開申請情況",
    ),
    "yueyang-nanhu-bureau-2019-excerpt.txt": _GOV,
}


class TestCorpusTitles:
    """Title → organ, level, year; the page's publication date and the signature date."""

    @pytest.mark.parametrize("name", sorted(TITLES))
    def test_title(self, name: str) -> None:
        """Each corpus text gives the title, organ, level, year and dates read by hand."""
        n = read_narrative(corpus_text(name))
        actual = (n.title, n.organ_name, n.level, n.year, n.published, n.dated)
        assert TITLES[name] == actual

    def test_every_corpus_text_is_covered(self) -> None:
        """The tables above cover every text of the corpus."""
        names = {p.name for p in CORPUS.glob("*.txt")}
        assert names == set(TITLES) == set(HEADINGS)

    def test_organ_not_named_is_noted(self) -> None:
        """A text that does not name its organ says so in the notes."""
        n = read_narrative(corpus_text("nilka-town-2023-excerpt.txt"))
        assert "the text does not name the organ in a title" in n.notes

    def test_chinese_year_in_title(self) -> None:
        """A title may write its year in Chinese numerals."""
        n = read_narrative("某县人民政府二〇一八年政府信息公开工作年度报告\n一、概述\n")
        assert (2018, "某县人民政府", OrganLevel.COUNTY) == (n.year, n.organ_name, n.level)


class TestCorpusSections:
    """Section splitting of each corpus text: headings as printed."""

    @pytest.mark.parametrize("name", sorted(HEADINGS))
    def test_headings(self, name: str) -> None:
        """The top-level headings, in order, as the text prints them."""
        n = read_narrative(corpus_text(name))
        assert HEADINGS[name] == tuple(s.title for s in n.sections)

    def test_seed_sections_as_transcribed(self) -> None:
        """The seed's sections, text and all, are those of the hand transcription
        (the page's footer after the last section is not part of the report)."""
        n = read_narrative(corpus_text(SEED))
        assert dm.examples.load("baoshan-2018").sections == n.sections

    def test_table_row_labels_are_not_headings(self) -> None:
        """With a 2021 format, a numbered table row (四、结转下年度…) is no section, and a
        section the text lacks (二 here) does not stop the ones after it."""
        text = (
            "一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 3\n二、上年结转政府信息公开申请数量 0\n"
            "四、结转下年度继续办理 0\n四、政府信息公开行政复议、行政诉讼情况\n"
        )
        n = read_narrative(text, fmt=ReportFormat.GOV_2021)
        assert (
            "一、总体情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
        ) == tuple(s.title for s in n.sections)

    def test_legacy_numbering_runs_on(self) -> None:
        """A legacy outline is local: headings are those numbered 一、二、三 … without a gap."""
        text = "一、概述\n正文。\n三、不是标题\n二、主动公开\n正文。\n三、依申请公开\n"
        n = read_narrative(text, fmt=ReportFormat.LEGACY)
        assert ("一、概述", "二、主动公开", "三、依申请公开") == tuple(s.title for s in n.sections)


# --------------------------------------------------------------------------------------------


def _about(claim: Claim, claims: tuple[Claim, ...]) -> object:
    """A claim's subject with claim ids replaced by the claims' (section, value): ids are
    names a transcriber or the parser gives, the figures they point at are the fact."""
    by_id = {c.id: (c.section, c.value) for c in claims}

    def operand(o: CellSum | ClaimSum | None) -> object:
        if isinstance(o, ClaimSum):
            return ("claims", tuple(by_id[i] for i in o.ids))
        return o

    about = claim.about
    if isinstance(about, Share):
        return ("share", operand(about.numerator), operand(about.denominator))
    return operand(about)


def _facts(claims: tuple[Claim, ...]) -> Counter[tuple[object, ...]]:
    return Counter(
        (
            c.section,
            c.kind,
            c.value,
            c.unit,
            c.scale,
            c.approximation,
            _about(c, claims),
        )
        for c in claims
    )


class TestClaimsFromSentences:
    """Claims read from sentences of the corpus texts (subjects judged by hand)."""

    def _claims(self, sentence: str, fmt: ReportFormat) -> tuple[Claim, ...]:
        return read_narrative("一、总体情况\n" + sentence, fmt=fmt).claims

    def test_received_in_a_2021_report(self) -> None:
        """收到/受理…申请 N件 in a 2021 report is the new applications' total."""
        (c,) = self._claims("全市共受理政府信息公开申请 3119 件。", ReportFormat.GOV_2021)
        assert (Decimal(3119), "件", CellSum(paths=("applications.new_received.total",))) == (
            c.value,
            c.unit,
            c.about,
        )

    def test_received_written_in_entries(self) -> None:
        """岳阳 2019: 全年收到依申请公开信息3条 — also the applications received."""
        (c,) = self._claims("全年收到依申请公开信息3条,答复率100%。", ReportFormat.GOV_2019)[:1]
        assert CellSum(paths=("applications.new_received.total",)) == c.about

    def test_rate_without_referent(self) -> None:
        """答复率100% says no numerator or denominator: a figure without a subject."""
        claims = self._claims("全年收到依申请公开信息3条,答复率100%。", ReportFormat.GOV_2019)
        assert (ClaimKind.PERCENT, Decimal(100), None) == (
            claims[1].kind,
            claims[1].value,
            claims[1].about,
        )

    def test_baoshan_2024_applications(self) -> None:
        """保山 2024: carried over / forward, granted together with partly granted, and the
        percentages of the 452 applications."""
        sentence = (
            "2024年,全市共受理政府信息公开申请452件,结转上年9件,按时办结454件,"
            "结转下年继续办理7件。予以公开及部分公开245件,占54%;不予公开39件,占8.6%;"
        )
        claims = self._claims(sentence, ReportFormat.GOV_2021)
        by_value = {c.value: c for c in claims if c.kind is ClaimKind.FIGURE}
        assert CellSum(paths=("applications.carried_over.total",)) == by_value[9].about
        assert CellSum(paths=("applications.carried_forward.total",)) == by_value[7].about
        granted = ("applications.granted.total", "applications.partially_granted.total")
        assert CellSum(paths=granted) == by_value[245].about
        assert 8 == len(by_value[39].about.paths)  # type: ignore[union-attr]
        # 按时办结 is not one of the table's rows: no subject.
        assert by_value[454].about is None
        shares = [c for c in claims if c.kind is ClaimKind.PERCENT]
        assert [
            ("share", ("claims", ((0, Decimal(245)),)), ("claims", ((0, Decimal(452)),))),
            ("share", ("claims", ((0, Decimal(39)),)), ("claims", ((0, Decimal(452)),))),
        ] == [_about(c, claims) for c in shares]

    def test_complaint_about_applications_is_no_application(self) -> None:
        """保山市政府办公室 2024: 受理政府信息公开申请投诉件1件 is a complaint, not a request."""
        claims = self._claims(
            "共受理政府信息公开申请21件,办结21件,受理政府信息公开申请投诉件1件。",
            ReportFormat.GOV_2021,
        )
        assert [
            CellSum(paths=("applications.new_received.total",)),
            CellSum(paths=("applications.results_total.total",)),
            None,
        ] == [c.about for c in claims]

    def test_review_outcomes_follow_the_sentence_subject(self) -> None:
        """淮安 2024: 维持/纠正 belong to 复议 or 诉讼 as the sentence says."""
        sentence = (
            "政府信息公开行政复议 351\n件，其中结果维持 72 件；政府信息公开行政诉讼 46 件，"
            "其中结果维持 25\n件。"
        )
        claims = self._claims(sentence, ReportFormat.GOV_2021)
        lit = ("reviews.litigation_direct.upheld", "reviews.litigation_after_review.upheld")
        assert [
            CellSum(paths=("reviews.review.total",)),
            CellSum(paths=("reviews.review.upheld",)),
            CellSum(
                paths=("reviews.litigation_direct.total", "reviews.litigation_after_review.total")
            ),
            CellSum(paths=lit),
        ] == [c.about for c in claims]
        assert "政府信息公开行政复议 351件" == claims[0].text

    def test_approximate_figure(self) -> None:
        """会昌 中村乡: 主动公开政府信息260余 — more than 260, no unit, no subject."""
        (c,) = self._claims("主动公开政府信息260余", ReportFormat.GOV_2019)
        assert (Decimal(260), None, Approximation.MORE_THAN, None) == (
            c.value,
            c.unit,
            c.approximation,
            c.about,
        )

    def test_scaled_figure(self) -> None:
        """保山 2024: 9.9万条 is 9.9 with the scale 万 (an exact claim would lie)."""
        (c,) = self._claims("全市主动公开政府信息9.9万条。", ReportFormat.GOV_2021)
        assert (Decimal("9.9"), 10_000, "条", 1) == (c.value, c.scale, c.unit, c.decimals)

    def test_idioms_are_not_figures(self) -> None:
        """最多跑一次, 两个方面, 市四届人大三次会议 carry no figures."""
        claims = self._claims(
            "“最多跑一次”事项9092项,重点表现在两个方面,市四届人大三次会议。",
            ReportFormat.LEGACY,
        )
        assert [Decimal(9092)] == [c.value for c in claims]

    def test_share_named_by_its_words(self) -> None:
        """保山 2018: 占承办总数的 is a share of the figure handled (办理306件), not of the
        figure received (共收到319件)."""
        sentence = (
            "共收到建议和提案319件,交由市人民政府系统办理306件。"
            "答复意见全文公开250件,占承办总数的81.7%,不公开56件,占承办总数的18.3%。"
        )
        claims = self._claims(sentence, ReportFormat.LEGACY)
        shares = [_about(c, claims) for c in claims if c.kind is ClaimKind.PERCENT]
        assert [
            ("share", ("claims", ((0, Decimal(250)),)), ("claims", ((0, Decimal(306)),))),
            ("share", ("claims", ((0, Decimal(56)),)), ("claims", ((0, Decimal(306)),))),
        ] == shares

    def test_share_not_determinable(self) -> None:
        """A 占 after words other than the figure's is not tied to the figure."""
        claims = self._claims("收到申请10件,其中大多数来自企业,占60%。", ReportFormat.GOV_2021)
        assert claims[-1].about is None


class TestClaimsFromPages:
    """Sentences of the whole published pages (corpus/pages), subjects judged by hand."""

    def _claims(self, sentence: str, fmt: ReportFormat) -> tuple[Claim, ...]:
        return read_narrative("一、总体情况\n" + sentence, fmt=fmt).claims

    def test_received_95(self) -> None:
        """收到申请95件 in a 2021 report: the applications received."""
        (c,) = self._claims("本年度收到申请95件。", ReportFormat.GOV_2021)
        assert CellSum(paths=("applications.new_received.total",)) == c.about

    def test_bracketed_shares_of_the_answered(self) -> None:
        """上海市政府办公厅 2025: the bracketed percentages are shares of the 1191 answered
        (其中 after 均在法定期限内答复), not of the 1295 received."""
        sentence = (
            "市政府共受理政府信息公开申请 1295 件，办结 1191 件（含\n上年结转 189 件），"
            "均在法定期限内答复。其中，予以公开及部\n分公开 208 件（17.46%），"
            "不予公开 20 件（1.68%），因本机关\n不掌握等原因无法提供 564 件（47.36%），"
            "属信访、重复申请等\n不予处理 80 件（6.72%），其他处理 319 件（26.78%，含申请人"
            "主动撤回 157 件）。"
        )
        claims = self._claims(sentence, ReportFormat.GOV_2021)
        shares = [_about(c, claims) for c in claims if c.kind is ClaimKind.PERCENT]
        answered = ("claims", ((0, Decimal(1191)),))
        assert [
            ("share", ("claims", ((0, Decimal(v)),)), answered) for v in (208, 20, 564, 80, 319)
        ] == shares
        carried = next(c for c in claims if c.value == 189)
        assert CellSum(paths=("applications.carried_over.total",)) == carried.about

    @pytest.mark.parametrize(
        ("fmt", "other"),
        [
            (ReportFormat.GOV_2019, ("applications.other_total.total",)),
            (
                ReportFormat.GOV_2021,
                (
                    "applications.other_no_correction.total",
                    "applications.other_unpaid_fee.total",
                    "applications.other_other.total",
                ),
            ),
        ],
    )
    def test_groups_of_results(self, fmt: ReportFormat, other: tuple[str, ...]) -> None:
        """上海市科委 2024: 无法提供/不予处理/其他处理 are the sums of their groups' rows, as
        the format has them (2019's （六）其他处理 is one row, 2021's three)."""
        claims = self._claims(
            "无法提供的 10 件，不予处理 0 件，其他处理 14 件，转下一年度办理答复的有 1 件。", fmt
        )
        unable = (
            "applications.unable_not_held.total",
            "applications.unable_needs_creation.total",
            "applications.unable_unclear.total",
        )
        assert [
            CellSum(paths=unable),
            5,
            CellSum(paths=other),
            CellSum(paths=("applications.carried_forward.total",)),
        ] == [
            len(c.about.paths) if i == 1 else c.about  # type: ignore[union-attr]
            for i, c in enumerate(claims)
        ]

    def test_markdown_headings(self) -> None:
        """沭阳县 2025 (OCR as Markdown): # marks are not part of the title or headings."""
        n = read_narrative((CORPUS / "pages" / "shuyang-county-2025-ocr.txt").read_text())
        assert (
            "沐阳县人民政府2025年政府信息公开工作年度报告",
            "沐阳县人民政府",
            OrganLevel.COUNTY,
            2025,
            date(2026, 1, 23),
        ) == (n.title, n.organ_name, n.level, n.year, n.dated)
        assert (
            None,
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、政府信息公开工作存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ) == tuple(s.title for s in n.sections)

    @pytest.mark.parametrize(
        ("name", "title", "organ"),
        [
            (
                "hongze-district-2023-pypdf.txt",
                "洪泽区人民政府2023年政府信息公开工作年度报告",
                "洪泽区人民政府",
            ),
            (
                "hongze-district-2023-pdfplumber.txt",
                "洪泽区人民政府2023年政府信息公开工作年度报告",
                "洪泽区人民政府",
            ),
            (
                "hongze-district-2024-pypdf.txt",
                "淮安市洪泽区人民政府2024年政府信息公开工作年度报告",
                "淮安市洪泽区人民政府",
            ),
        ],
    )
    def test_title_over_two_lines(self, name: str, title: str, organ: str) -> None:
        """A PDF prints the organ on one line and the year and 年度报告 on the next."""
        n = read_narrative((CORPUS / "pages" / name).read_text())
        assert (title, organ, OrganLevel.COUNTY) == (n.title, n.organ_name, n.level)
        assert 7 == len(n.sections)


class TestLegacySentences:
    """Legacy statistics from prose (保山 2018 and the like)."""

    def test_applications_and_channels(self) -> None:
        """Received and its four channels become cells; the shares are claims about them."""
        stats, claims, _ = read_legacy(
            "八、依申请公开\n全市2018年共受理信息公开申请129件，其中当面申请30件，占23.2%；"
            "网上申请46件，占35.7%；信函申请51件，占39.5%，传真申请2件，占1.6%。"
        )
        expected = {
            "applications_received": 129,
            "received_in_person": 30,
            "received_online": 46,
            "received_letter": 51,
            "received_fax": 2,
        }
        assert expected == {k: getattr(stats, k) for k in expected}
        assert (
            Share(
                numerator=CellSum(paths=("received_in_person",)),
                denominator=CellSum(paths=("applications_received",)),
            )
            == claims[0].about
        )
        assert 4 == len(claims)

    def test_combined_figure(self) -> None:
        """微博微信公开信息32132条 is stated for 政务微博 and 政务微信 together."""
        stats, claims, _ = read_legacy(
            "二、主动公开\n政府网站公开信息87654条，微博微信公开信息32132条。"
        )
        assert (87654, None, None) == (
            stats.channel_website,
            stats.channel_weibo,
            stats.channel_weixin,
        )
        assert (CombinedFigure(cells=("channel_weibo", "channel_weixin"), value=32132),) == (
            stats.combined
        )
        assert () == claims

    def test_restated_figure_is_a_claim(self) -> None:
        """The second statement of a cell is a claim about it, which the checks compare."""
        stats, claims, _ = read_legacy(
            "一、主动公开\n发布政策解读稿469篇。\n二、政策解读\n2018年发布政策解读材料470份。"
        )
        assert 469 == stats.policy_interpretations
        (c,) = claims
        assert (Decimal(470), CellSum(paths=("policy_interpretations",)), 1) == (
            c.value,
            c.about,
            c.section,
        )

    def test_none_in_words(self) -> None:
        """没有收到…举报投诉 / 均未…收取…费用 state 0, with a note saying so."""
        stats, _, notes = read_legacy(
            "十、举报\n没有收到关于政府信息公开事务举报投诉件。全市各级行政机关均未对依申请公开"
            "政府信息收取检索、复制、邮寄等成本费用。"
        )
        assert (0, Amount(value=Decimal(0), unit=MoneyUnit.WAN_YUAN)) == (
            stats.complaints_total,
            stats.fees_collected,
        )
        assert [
            "complaints_total: 0 from the words '没有收到关于政府信息公开事务举报投诉'"
            " (none stated)",
            "fees_collected: 0 from the words '未对依申请公开政府信息收取检索、复制、邮寄等成本费'"
            " (none stated)",
        ] == [x for x in notes if "0 from the words" in x]

    def test_money_and_people(self) -> None:
        """专项经费213.15万元 is money in 万元; 3708人次 trainees; 545人 staff."""
        stats, _, _ = read_legacy(
            "一、概述\n从事政府信息公开工作545人,政府信息公开专项经费213.15万元,"
            "接受培训人员3708人次。"
        )
        assert (545, Amount(value=Decimal("213.15"), unit=MoneyUnit.WAN_YUAN), 3708) == (
            stats.staff_total,
            stats.special_budget,
            stats.trainees,
        )

    def test_wrong_unit_is_no_cell(self) -> None:
        """“一次不跑办结”事项559项 has 办结 in it but counts items, not applications."""
        stats, claims, _ = read_legacy("四、服务\n“一次不跑办结”事项559项。")
        assert stats.applications_completed is None
        assert (Decimal(559), None) == (claims[0].value, claims[0].about)

    def test_approximate_figure_is_a_claim_about_the_cell(self) -> None:
        """约130件 names the cell but is no exact count: a claim about it, with a note."""
        stats, claims, notes = read_legacy("一、概述\n全市共受理信息公开申请约130件。")
        assert stats.applications_received is None
        assert (Approximation.ABOUT, CellSum(paths=("applications_received",))) == (
            claims[0].approximation,
            claims[0].about,
        )
        assert (
            "applications_received: '约130件' is not an exact count; kept as a claim about "
            "the cells",
        ) == notes

    def test_a_typical_legacy_outline(self) -> None:
        """The phrasings of the national table's indicators, as 2014–2018 reports write
        them in prose, each into its cell (money as written, in 元 here)."""
        text = (
            "一、概述\n全年共召开政府信息公开工作会议3次，举办各类培训班5次，"
            "接受培训人员320人次。设置政府信息公开查阅点12个，从事政府信息公开工作人员25人，"
            "其中专职人员5人，兼职人员20人。\n二、主动公开情况\n全年主动公开政府信息1200条，"
            "其中主动公开规范性文件15件，制发规范性文件总数18件。通过政府公报公开政府信息30条，"
            "政府网站公开政府信息1100条，政务微博公开政府信息200条，政务微信公开政府信息150条。"
            "\n三、依申请公开情况\n共收到政府信息公开申请123件，申请办结120件，其中按时办结"
            "117件，延期办结3件。依申请公开收取费用0元。行政复议0件，行政诉讼2件。\n"
        )
        stats, claims, notes = read_legacy(text)
        expected = {
            "meetings": 3,
            "training_sessions": 5,
            "trainees": 320,
            "reading_points": 12,
            "staff_total": 25,
            "staff_full_time": 5,
            "staff_part_time": 20,
            "proactive_total": 1200,
            "proactive_normative_docs": 15,
            "normative_docs_issued_total": 18,
            "channel_gazette": 30,
            "channel_website": 1100,
            "channel_weibo": 200,
            "channel_weixin": 150,
            "applications_received": 123,
            "applications_completed": 120,
            "completed_on_time": 117,
            "completed_extended": 3,
            "fees_collected": Amount(value=Decimal(0), unit=MoneyUnit.YUAN),
            "review_total": 0,
            "litigation_total": 2,
        }
        stated = {
            k: v
            for k, v in attrs.asdict(stats, recurse=False).items()
            if v is not None and k != "combined"
        }
        assert expected == stated
        assert ((), ()) == (claims, notes)

    def test_blank_stays_none(self) -> None:
        """A cell the text does not state is None, never 0."""
        stats, _, _ = read_legacy("一、概述\n全市共受理信息公开申请5件。")
        assert (5, None, None) == (
            stats.applications_received,
            stats.received_fax,
            stats.review_total,
        )


# --------------------------------------------------------------------------------------------
# The seed end to end.

#: Claims of the hand transcription the parser does not give, with the reason (by id).
MISSING_FROM_PARSE = {
    # "5县(市、区)": 5 is followed by 县, an area, not a counting unit; a reader that took
    # every number before a noun would also take 四届, 二级, 5300000033 … as figures.
    "one-visit-counties": "5县(市、区) has no counting unit",
}
#: Claims the parser gives that the transcription does not (none).
EXTRA_IN_PARSE: dict[tuple[object, ...], str] = {}


def _seed_report() -> tuple[Report, Narrative]:
    text = corpus_text(SEED)
    n = read_narrative(text)
    stats, claims, _ = read_legacy(text)
    assert n.organ_name is not None
    assert n.level is not None
    assert n.year is not None
    report = Report(
        organ=Organ(name=n.organ_name, level=n.level),
        year=n.year,
        format=ReportFormat.LEGACY,
        statistics=stats,
        title=n.title,
        dated=n.dated,
        published=n.published,
        source=Source(),
        sections=n.sections,
        claims=claims,
    )
    return report, n


class TestSeedEndToEnd:
    """保山 2018 parsed from its text, against its hand transcription (bundled example)."""

    def test_statistics_equal(self) -> None:
        """Every cell, and the two combined figures, as transcribed; no exceptions."""
        expected = dm.examples.load("baoshan-2018").statistics
        report, _ = _seed_report()
        assert isinstance(report.statistics, LegacyStatistics)
        assert attrs.asdict(expected, recurse=False) == attrs.asdict(
            report.statistics, recurse=False
        )

    def test_claims_equal_but_the_listed(self) -> None:
        """Claim by claim (section, kind, value, unit, scale, approximation, subject) the
        same as the transcription, but for the exceptions listed with their reasons."""
        example = dm.examples.load("baoshan-2018")
        report, _ = _seed_report()
        kept = tuple(c for c in example.claims if c.id not in MISSING_FROM_PARSE)
        expected = _facts(example.claims) - _facts(
            tuple(c for c in example.claims if c.id in MISSING_FROM_PARSE)
        )
        assert 69 == len(example.claims)
        assert len(kept) == len(report.claims)
        assert expected == _facts(report.claims)

    def test_claim_texts_are_from_the_source(self) -> None:
        """Each claim's text is words of the report holding its figure."""
        report, _ = _seed_report()
        source = corpus_text(SEED)
        for c in report.claims:
            assert c.text in source
            assert str(c.value) in c.text

    def test_findings_equal(self) -> None:
        """dm.check gives the same findings as for the transcription: the two wrong
        percentages (C-01), the two truncations (C-02), the late publication (R-10) and the
        same cells not assessable; the correct percentages pass."""
        example = dm.examples.load("baoshan-2018")
        report, _ = _seed_report()

        def findings(r: Report) -> Counter[tuple[object, ...]]:
            return Counter(
                (f.code, f.severity, f.outcome, f.expected, f.actual) for f in dm.check(r).findings
            )

        assert findings(example) == findings(report)
        failed = {
            (f.code, f.actual, f.expected)
            for f in dm.check(report).findings
            if f.outcome.value == "fail"
        }
        assert {
            ("C-01", Decimal("87.74"), Decimal("27.63")),
            ("C-01", Decimal("81.46"), Decimal("77.95")),
            ("C-02", Decimal("23.2"), Decimal("23.26")),
            ("C-02", Decimal("0.7"), Decimal("0.78")),
            ("R-10", "2019-12-24", "2019-03-31"),
        } == failed

    def test_report_metadata(self) -> None:
        """Organ, level, year, title and dates as transcribed."""
        example = dm.examples.load("baoshan-2018")
        report, n = _seed_report()
        assert (
            example.organ.name,
            example.organ.level,
            example.year,
            example.title,
            example.dated,
            example.published,
        ) == (n.organ_name, n.level, n.year, n.title, n.dated, n.published)
        assert example.sections == report.sections


class TestHuaianClaims:
    """淮安 2024 (a whole PDF text): its claims against the bundled transcription."""

    def test_claims_equal(self) -> None:
        """Every figure of the narrative, with its cells, as the transcription has it."""
        example = dm.examples.load("huaian-2024")
        n = read_narrative(corpus_text("huaian-city-2024-pdf.txt"))
        assert _facts(example.claims) == _facts(n.claims)

    @pytest.mark.parametrize(
        ("name", "example"),
        [
            ("huichang-zhongcun-2020-excerpt.txt", "huichang-zhongcun-2020"),
            ("yuanling-eryou-2020-excerpt.txt", "yuanling-eryou-2020"),
        ],
    )
    def test_other_transcriptions(self, name: str, example: str) -> None:
        """The claims of the other transcribed corpus texts, likewise."""
        expected = dm.examples.load(example)
        n = read_narrative(corpus_text(name))
        assert _facts(expected.claims) == _facts(n.claims)


# --------------------------------------------------------------------------------------------


_FRAGMENTS = [
    line
    for p in sorted(CORPUS.glob("*.txt"))
    for line in p.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


class TestRobustness:
    """Arbitrary text never raises anything but the project's errors, in bounded time."""

    @given(
        st.text(max_size=400) | st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("\n".join)
    )
    def test_read_narrative(self, text: str) -> None:
        """read_narrative returns a Narrative (claims valid, sections indexed) quickly."""
        started = time.perf_counter()
        try:
            n = read_narrative(text)
        except DisclosureModelError:  # pragma: no cover - nothing expected to raise
            return
        assert time.perf_counter() - started < 2.0
        for c in n.claims:
            assert c.section is not None
            assert c.section < len(n.sections)

    @given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("\n".join))
    def test_read_legacy(self, text: str) -> None:
        """read_legacy builds valid statistics from any mix of report lines."""
        started = time.perf_counter()
        stats, claims, notes = read_legacy(text)
        assert time.perf_counter() - started < 2.0
        assert isinstance(stats, LegacyStatistics)
        assert all(isinstance(c, Claim) for c in claims)
        assert all(isinstance(x, str) for x in notes)

    def test_page_header_is_not_read(self) -> None:
        """A page's header lines (浏览次数:1234次) give no claims and no words to claims."""
        n = read_narrative(
            "保山市2018年政府信息公开工作年度报告\n来源:保山 浏览次数:1234次\n"
            "本报告共3件附件。\n一、概述\n正文5件。"
        )
        assert [("本报告共3件", 0), ("正文5件", 1)] == [(c.text, c.section) for c in n.claims]

    def test_not_a_string(self) -> None:
        """A non-string is the caller's error, as ValidationError."""
        with pytest.raises(ValidationError):
            read_narrative(None)  # type: ignore[arg-type]

    def test_long_text_reads_in_linear_time(self) -> None:
        """5000 figures with their percentages in one section: no quadratic blow-up (the
        bound is generous; the reading takes well under a second on a laptop)."""
        text = "一、概述\n" + "收到申请5件，占5%。" * 5000
        started = time.perf_counter()
        n = read_narrative(text, fmt=ReportFormat.GOV_2021)
        assert time.perf_counter() - started < 10.0
        assert 10000 == len(n.claims)

    def test_whole_corpus_quickly(self) -> None:
        """The whole corpus (ten texts) reads in bounded time (a few ms each; the bound is
        generous, a guard against runaway backtracking, not a benchmark)."""
        for p in sorted(CORPUS.glob("*.txt")):
            started = time.perf_counter()
            read_narrative(p.read_text(encoding="utf-8"))
            assert time.perf_counter() - started < 5.0
