"""The bundled example ``baoshan-2018``: 保山市2018年政府信息公开工作年度报告 (legacy format).

The statistics table of this report was published only as an image, so every statistic comes
from the prose; figures the prose states only together are kept as combined figures, and the
remaining figures and percentages are claims.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import disclosure_model as dm
from disclosure_model import (
    Amount,
    Approximation,
    CellSum,
    ClaimKind,
    ClaimSum,
    LegacyStatistics,
    MoneyUnit,
    OrganLevel,
    ReportFormat,
    Share,
)

EXPECTED_TITLES = (
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
)

#: Every statistic the prose states, by legacy cell; every other cell is None.
EXPECTED_STATISTICS = {
    "proactive_total": 134062,
    "channel_website": 87654,
    "channel_gazette": 90,
    "channel_other": 14186,
    "responses_total": 1261,
    "press_conferences": 34,
    "online_interviews": 12,
    "policy_interpretations": 469,
    "weibo_weixin_responses": 1018,
    "other_responses": 1331,
    "applications_received": 129,
    "received_in_person": 30,
    "received_online": 46,
    "received_letter": 51,
    "received_fax": 2,
    "applications_replied": 129,
    "reply_already_public": 57,
    "reply_granted": 29,
    "reply_partially_granted": 6,
    "reply_refused": 13,
    "reply_not_exist": 6,
    "reply_not_this_organ": 7,
    "reply_ask_amend": 1,
    "reply_other_channel": 10,
    "review_total": 7,
    "review_upheld": 6,
    "review_corrected": 1,
    "litigation_total": 6,
    "litigation_upheld": 5,
    "litigation_other": 1,
    "complaints_total": 0,
    "fees_collected": Amount(value=Decimal("0"), unit=MoneyUnit.WAN_YUAN),
    "dedicated_bodies": 61,
    "staff_total": 545,
    "special_budget": Amount(value=Decimal("213.15"), unit=MoneyUnit.WAN_YUAN),
    "trainees": 3708,
}

#: Every claim, in order of appearance: id, section index, kind, value as written.
F, P = ClaimKind.FIGURE, ClaimKind.PERCENT
EXPECTED_CLAIMS = (
    ("key-tasks-categories", 1, F, "4"),
    ("key-tasks-items", 1, F, "94"),
    ("county-primary-indicators", 1, F, "7"),
    ("county-secondary-indicators", 1, F, "37"),
    ("department-primary-indicators", 1, F, "7"),
    ("department-secondary-indicators", 1, F, "36"),
    ("assessment-score-weight", 1, P, "4"),
    ("public-resources-fields", 3, F, "10"),
    ("public-resources-items", 3, F, "49"),
    ("social-welfare-fields", 3, F, "7"),
    ("social-welfare-items", 3, F, "100"),
    ("major-projects-fields", 3, F, "9"),
    ("major-projects-items", 3, F, "37"),
    ("national-pilot-counties", 3, F, "100"),
    ("pilot-management-standards", 3, F, "7"),
    ("pilot-area-standards", 3, F, "6"),
    ("pilot-areas", 3, F, "3"),
    ("pilot-items", 3, F, "80"),
    ("services-total", 4, F, "42091"),
    ("services-licensing", 4, F, "2543"),
    ("services-payments", 4, F, "176"),
    ("services-penalties", 4, F, "28837"),
    ("services-confirmations", 4, F, "1261"),
    ("services-levies", 4, F, "298"),
    ("services-other-powers", 4, F, "4239"),
    ("services-public", 4, F, "4367"),
    ("services-internal", 4, F, "370"),
    ("services-depth-level2", 4, F, "11630"),
    ("services-depth-level2-share", 4, P, "87.74"),
    ("services-online-at-least", 4, P, "80"),
    ("services-online-rate", 4, P, "86.73"),
    ("hall-units", 4, F, "190"),
    ("hall-services", 4, F, "3894"),
    ("one-visit-counties", 4, F, "5"),
    ("one-visit-departments", 4, F, "210"),
    ("one-visit-townships", 4, F, "75"),
    ("one-visit-published-items", 4, F, "11664"),
    ("one-visit-items", 4, F, "9092"),
    ("zero-visit-items", 4, F, "559"),
    ("one-visit-share", 4, P, "81.46"),
    ("one-visit-target", 4, P, "60"),
    ("proposals-received", 5, F, "319"),
    ("proposals-handled", 5, F, "306"),
    ("proposals-replies-published", 5, F, "250"),
    ("proposals-replies-published-share", 5, P, "81.7"),
    ("proposals-replies-unpublished", 5, F, "56"),
    ("proposals-replies-unpublished-share", 5, P, "18.3"),
    ("policy-interpretations-restated", 6, F, "469"),
    ("responses-restated", 7, F, "1261"),
    ("received-in-person-share", 8, P, "23.2"),
    ("received-online-share", 8, P, "35.7"),
    ("received-letter-share", 8, P, "39.5"),
    ("received-fax-share", 8, P, "1.6"),
    ("content-poverty-alleviation-share", 8, P, "21.7"),
    ("content-planning-housing-share", 8, P, "14"),
    ("content-environment-share", 8, P, "7.8"),
    ("reply-already-public-share", 8, P, "44.2"),
    ("reply-granted-share", 8, P, "22.5"),
    ("reply-partially-granted-share", 8, P, "4.7"),
    ("reply-refused-share", 8, P, "10"),
    ("reply-not-exist-share", 8, P, "4.7"),
    ("reply-not-this-organ-share", 8, P, "5.4"),
    ("reply-ask-amend-share", 8, P, "0.7"),
    ("reply-other-channel-share", 8, P, "7.8"),
    ("review-upheld-share", 10, P, "85.7"),
    ("review-corrected-share", 10, P, "14.3"),
    ("litigation-upheld-share", 10, P, "83.3"),
    ("litigation-other-share", 10, P, "16.7"),
    ("government-meeting-items", 11, F, "22"),
)

#: Percentages of the 129 applications: claim id → (numerator cell, denominator cell).
APPLICATION_SHARES = {
    "received-in-person-share": ("received_in_person", "applications_received"),
    "received-online-share": ("received_online", "applications_received"),
    "received-letter-share": ("received_letter", "applications_received"),
    "received-fax-share": ("received_fax", "applications_received"),
    "reply-already-public-share": ("reply_already_public", "applications_replied"),
    "reply-granted-share": ("reply_granted", "applications_replied"),
    "reply-partially-granted-share": ("reply_partially_granted", "applications_replied"),
    "reply-refused-share": ("reply_refused", "applications_replied"),
    "reply-not-exist-share": ("reply_not_exist", "applications_replied"),
    "reply-not-this-organ-share": ("reply_not_this_organ", "applications_replied"),
    "reply-ask-amend-share": ("reply_ask_amend", "applications_replied"),
    "reply-other-channel-share": ("reply_other_channel", "applications_replied"),
    "review-upheld-share": ("review_upheld", "review_total"),
    "review-corrected-share": ("review_corrected", "review_total"),
    "litigation-upheld-share": ("litigation_upheld", "litigation_total"),
    "litigation-other-share": ("litigation_other", "litigation_total"),
}


@pytest.fixture(scope="module")
def report() -> dm.Report:
    """The bundled report, loaded once."""
    return dm.examples.load("baoshan-2018")


@pytest.fixture(scope="module")
def stats(report: dm.Report) -> LegacyStatistics:
    """The report's legacy statistics table."""
    assert isinstance(report.statistics, LegacyStatistics)
    return report.statistics


def _section_text(report: dm.Report, index: int | None) -> str:
    assert index is not None
    return report.sections[index].text


def _titled(report: dm.Report, prefix: str) -> str:
    section = report.section(prefix)
    assert section is not None
    return section.text


def _cells(*paths: str) -> CellSum:
    return CellSum(paths=paths)


def _refs(*ids: str) -> ClaimSum:
    return ClaimSum(ids=ids)


class TestBaoshan2018Metadata:
    def test_listed_among_examples(self) -> None:
        """The example is listed by name."""
        assert "baoshan-2018" in dm.examples.names()

    def test_organ(self, report: dm.Report) -> None:
        """The organ is the 保山 city government, division code 530500."""
        assert "保山市人民政府" == report.organ.name
        assert OrganLevel.CITY == report.organ.level
        assert "530500" == report.organ.division_code

    def test_year_format_title(self, report: dm.Report) -> None:
        """A 2018 report in the legacy format, with the title as printed."""
        assert 2018 == report.year
        assert ReportFormat.LEGACY == report.format
        assert isinstance(report.statistics, LegacyStatistics)
        assert "保山市2018年政府信息公开工作年度报告" == report.title

    def test_dates(self, report: dm.Report) -> None:
        """Signed on 2019-02-13, published on the provincial platform on 2019-12-24."""
        assert date(2019, 2, 13) == report.dated
        assert date(2019, 12, 24) == report.published

    def test_source(self, report: dm.Report) -> None:
        """The source is the page on the Yunnan government site, without a hash."""
        assert report.source is not None
        assert (
            "http://www.yn.gov.cn/zwgk/zfxxgkpt/zfxxgknb/zfxxgknb2018/zsndbg2018/201912/"
            "t20191224_186101.html"
        ) == report.source.url
        assert report.source.sha256 is None


class TestBaoshan2018Sections:
    def test_titles_in_order(self, report: dm.Report) -> None:
        """An untitled preamble, then the fifteen headings exactly as printed."""
        assert EXPECTED_TITLES == tuple(s.title for s in report.sections)

    def test_preamble(self, report: dm.Report) -> None:
        """The preamble is the single paragraph 本报告是根据…, half-width punctuation kept."""
        text = report.sections[0].text
        assert text.startswith("本报告是根据《中华人民共和国政府信息公开条例》的规定,")
        assert text.endswith("电话:0875—2196721。)")
        assert "\n" not in text

    def test_texts_are_trimmed_paragraphs(self, report: dm.Report) -> None:
        """Each text is non-empty, trimmed, and has no blank line between paragraphs."""
        for s in report.sections:
            assert s.text.strip() == s.text
            assert s.text
            assert "\n\n" not in s.text

    def test_page_chrome_left_out(self, report: dm.Report) -> None:
        """Neither the page header nor the site footer is part of any section."""
        for s in report.sections:
            for chrome in ("分享到", "来源:", "网站地图", "滇ICP备", "州市和部门"):
                assert chrome not in s.text

    def test_paragraph_counts(self, report: dm.Report) -> None:
        """Sections keep their paragraphs, one per line."""
        expected = (1, 4, 2, 2, 2, 1, 1, 1, 4, 5, 1, 1, 3, 7, 1, 7)
        assert expected == tuple(s.text.count("\n") + 1 for s in report.sections)

    def test_other_matters_is_none(self, report: dm.Report) -> None:
        """Section 十四 says 无."""
        assert "无。" == _titled(report, "十四、")

    def test_attachment_block(self, report: dm.Report) -> None:
        """Section 十五 holds the signature and the attachment lines as printed."""
        expected = "\n".join(
            (
                "保山市人民政府办公室",
                "2019年2月13",
                "附件",
                "保山市政府信息公开情况统计表",
                "(2018年度)",
                "填报单位(盖章):保山市人民政府办公室",
                "保山市2018年政府信息公开年度报告.png",
            )
        )
        assert expected == _titled(report, "十五、")


class TestBaoshan2018Statistics:
    def test_stated_statistics(self, stats: LegacyStatistics) -> None:
        """Every statistic the prose states is in its legacy cell, and nothing else is."""
        actual = {
            key: getattr(stats, key)
            for key in LegacyStatistics.cell_specs()
            if getattr(stats, key) is not None
        }
        assert EXPECTED_STATISTICS == actual

    @pytest.mark.parametrize(
        "key",
        [
            "channel_weibo",
            "channel_weixin",
            "meetings",
            "training_sessions",
            "applications_completed",
            "refused_state_secret",
            "refused_privacy",
            "review_other",
            "litigation_corrected",
            "reading_points",
            "staff_full_time",
        ],
    )
    def test_unstated_cells_are_none(self, stats: LegacyStatistics, key: str) -> None:
        """Cells the report does not state separately stay None, never 0."""
        assert getattr(stats, key) is None

    def test_weibo_weixin_combined(self, stats: LegacyStatistics) -> None:
        """微博微信公开信息32132条 is one figure for the Weibo and WeChat cells together."""
        assert 32132 == stats.combined_value(("channel_weibo", "channel_weixin"))

    def test_meetings_training_combined(self, stats: LegacyStatistics) -> None:
        """召开政府信息公开会议及业务培训366次 is one figure for meetings and training."""
        assert 366 == stats.combined_value(("meetings", "training_sessions"))

    def test_only_two_combined_figures(self, stats: LegacyStatistics) -> None:
        """No other figure is stated for several cells together."""
        expected = (("channel_weibo", "channel_weixin"), ("meetings", "training_sessions"))
        assert expected == tuple(c.cells for c in stats.combined)

    def test_money(self, stats: LegacyStatistics) -> None:
        """The budget is 213.15万元 exactly; no fees were collected (均未…收取)."""
        assert stats.special_budget is not None
        assert stats.fees_collected is not None
        assert Decimal("2131500.00") == stats.special_budget.in_yuan()
        assert Decimal("0") == stats.fees_collected.in_yuan()

    def test_no_complaints_is_zero(self, stats: LegacyStatistics) -> None:
        """没有收到…举报投诉件 is a stated zero, not a missing value."""
        assert 0 == stats.complaints_total


class TestBaoshan2018Claims:
    def test_all_claims_in_order(self, report: dm.Report) -> None:
        """Every stated figure and percentage, in order of appearance, with its value."""
        actual = tuple((c.id, c.section, c.kind, str(c.value)) for c in report.claims)
        assert EXPECTED_CLAIMS == actual

    def test_text_is_in_its_section(self, report: dm.Report) -> None:
        """Each claim's text is an exact substring of the text of its section."""
        for c in report.claims:
            assert c.section is not None
            assert c.text in _section_text(report, c.section), c.id

    def test_value_is_written_in_text(self, report: dm.Report) -> None:
        """Each claim's value appears in its text as written."""
        for c in report.claims:
            assert str(c.value) in c.text, c.id

    def test_claims_follow_the_text(self, report: dm.Report) -> None:
        """Claims are ordered by where their value appears in the report."""
        offsets = []
        for c in report.claims:
            text = _section_text(report, c.section)
            offsets.append((c.section, text.index(c.text) + c.text.index(str(c.value))))
        assert sorted(offsets) == offsets

    def test_percentages_have_no_unit_or_scale(self, report: dm.Report) -> None:
        """A percentage has no measure word and no 万 scale."""
        for c in report.claims:
            assert 1 == c.scale, c.id
            if c.kind is ClaimKind.PERCENT:
                assert c.unit is None, c.id

    def test_at_least_claims(self, report: dm.Report) -> None:
        """Only the two "以上" percentages are lower bounds; everything else is exact."""
        actual = {c.id for c in report.claims if c.approximation is not Approximation.EXACT}
        assert {"services-online-at-least", "one-visit-target"} == actual
        for claim_id in actual:
            assert Approximation.AT_LEAST == report.claim(claim_id).approximation

    def test_depth_share(self, report: dm.Report) -> None:
        """11630 of 42091 items are 二级以上, stated as 87.74%."""
        share = report.claim("services-depth-level2-share")
        assert Decimal("87.74") == share.value
        assert 2 == share.decimals
        assert (
            Share(numerator=_refs("services-depth-level2"), denominator=_refs("services-total"))
            == share.about
        )
        assert Decimal("11630") == report.claim("services-depth-level2").value
        assert Decimal("42091") == report.claim("services-total").value

    def test_one_visit_share(self, report: dm.Report) -> None:
        """9092 of 11664 items are 最多跑一次, stated as 81.46%."""
        share = report.claim("one-visit-share")
        assert Decimal("81.46") == share.value
        assert (
            Share(
                numerator=_refs("one-visit-items"), denominator=_refs("one-visit-published-items")
            )
            == share.about
        )
        assert Decimal("9092") == report.claim("one-visit-items").value
        assert Decimal("11664") == report.claim("one-visit-published-items").value

    def test_proposals_share(self, report: dm.Report) -> None:
        """250 of 306 replies were published in full, stated as 81.7%."""
        share = report.claim("proposals-replies-published-share")
        assert Decimal("81.7") == share.value
        assert (
            Share(
                numerator=_refs("proposals-replies-published"),
                denominator=_refs("proposals-handled"),
            )
            == share.about
        )
        assert Decimal("250") == report.claim("proposals-replies-published").value
        assert Decimal("306") == report.claim("proposals-handled").value

    @pytest.mark.parametrize(
        ("claim_id", "value"),
        [
            ("received-in-person-share", "23.2"),
            ("received-online-share", "35.7"),
            ("reply-already-public-share", "44.2"),
            ("reply-ask-amend-share", "0.7"),
        ],
    )
    def test_must_show_application_shares(
        self, report: dm.Report, claim_id: str, value: str
    ) -> None:
        """30/129 = 23.2%, 46/129 = 35.7%, 57/129 = 44.2%, 1/129 = 0.7%, as written."""
        assert Decimal(value) == report.claim(claim_id).value

    def test_share_subjects(self, report: dm.Report) -> None:
        """Each percentage of applications, reviews and lawsuits names its cells."""
        for claim_id, (numerator, denominator) in APPLICATION_SHARES.items():
            claim = report.claim(claim_id)
            assert ClaimKind.PERCENT == claim.kind
            assert (
                Share(numerator=_cells(numerator), denominator=_cells(denominator)) == claim.about
            )

    def test_content_shares_have_no_numerator(self, report: dm.Report) -> None:
        """21.7% 扶贫, 14% 规划住建, 7.8% 环保: shares of the 129 applications, counts unknown."""
        expected = Share(numerator=None, denominator=_cells("applications_received"))
        for claim_id in (
            "content-poverty-alleviation-share",
            "content-planning-housing-share",
            "content-environment-share",
        ):
            assert expected == report.claim(claim_id).about

    def test_restated_statistics(self, report: dm.Report) -> None:
        """Later restatements of a statistic are claims about its cell."""
        assert (
            _cells("policy_interpretations")
            == report.claim("policy-interpretations-restated").about
        )
        assert "份" == report.claim("policy-interpretations-restated").unit
        assert _cells("responses_total") == report.claim("responses-restated").about

    def test_figures_keep_their_measure_word(self, report: dm.Report) -> None:
        """Figures carry the measure word as written."""
        expected = {
            "key-tasks-categories": "大类",
            "services-total": "项",
            "hall-units": "个",
            "proposals-received": "件",
            "responses-restated": "次",
            "government-meeting-items": "条",
            "one-visit-counties": None,
        }
        assert expected == {k: report.claim(k).unit for k in expected}

    def test_unlinked_claims(self, report: dm.Report) -> None:
        """Claims with no subject are facts nothing else in the report states."""
        linked = {c.id for c in report.claims if c.about is not None}
        assert "services-total" not in linked
        assert "services-online-rate" not in linked
        assert "assessment-score-weight" not in linked
        assert 25 == len(linked)


class TestBaoshan2018RoundTrip:
    def test_round_trip(self, report: dm.Report) -> None:
        """Dumping and loading gives back an equal report."""
        assert report == dm.loads(dm.dumps(report))

    def test_compact_round_trip(self, report: dm.Report) -> None:
        """The compact JSON form round-trips too."""
        assert report == dm.loads(dm.dumps(report, indent=None))
