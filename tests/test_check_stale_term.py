"""stale_term: wording that does not fit the document's year (templates/terms.yaml)."""
import re
from pathlib import Path

import pytest

from drafter.checking.context import CheckContext
from drafter.checking.rules.stale_term import check_stale_terms
from drafter.checking.subject import load_subject
from drafter.lexicon import load_lexicon
from drafter.errors import DrafterError

BODY = "一、主要工作\n{sentence}\n二、存在问题\n学习还不够深入。\n三、下步打算\n继续加强学习。\n"


def stale(tmp_path: Path, sentence: str, year: int | None = None, title: str = "{year}年党建工作总结",
          date: str = "") -> list:
    text = (title.format(year=year) + "\n" if title else "") + BODY.format(sentence=sentence)
    if date:
        text += "市直机关党委\n" + date + "\n"
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return check_stale_terms(CheckContext(load_subject(path)))


def terms(findings) -> list[str]:
    """The wording each finding is about, as written in the text."""
    return [re.search(r"提法“(.+?)”[：与]", f.message).group(1) for f in findings if f.severity != "info"]


# -- the acceptance case --------------------------------------------------------------

def test_2024_document_with_congress_and_campaign_of_past_years_gets_one_finding_each(tmp_path):
    findings = stale(tmp_path, "一年来，支部深入学习贯彻党的十九大精神，认真开展“不忘初心、牢记使命”主题教育。", 2024)
    assert len(findings) == 2
    congress, campaign = findings
    assert congress.rule == campaign.rule == "stale_term"
    assert congress.severity == campaign.severity == "error"
    assert "党的十九大精神" in congress.message and "二十大" in congress.message  # what is current
    assert "2022年10月" in congress.message  # why it is stale
    assert "不忘初心、牢记使命" in campaign.message and "党史学习教育" in campaign.message
    assert congress.line == campaign.line == 3
    assert "党的十九大精神" in congress.text


def test_the_same_wording_in_its_own_years_is_current(tmp_path):
    assert stale(tmp_path, "深入学习贯彻党的十九大精神，认真开展“不忘初心、牢记使命”主题教育。", 2019) == []


# -- congresses ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, year, expected", [
    ("扎实组织深入学习贯彻党的十八大精神。", 2019, ["党的十八大精神"]),
    ("扎实组织深入学习贯彻党的十八大精神。", 2016, []),
    ("以习近平新时代中国特色社会主义思想和党的十九大精神为指导。", 2023, ["党的十九大精神"]),
    ("学习贯彻党的十九大和十九届历次全会精神。", 2024, ["党的十九大和十九届历次全会精神"]),
    ("学习贯彻党的二十大精神。", 2021, ["党的二十大精神"]),  # before it was held
    ("学习贯彻党的二十大精神。", 2024, []),
    ("党的十八大以来，我国发生了历史性变革。", 2024, []),  # since the 18th: no 精神, history
    ("学习贯彻党的二十届三中全会精神。", 2023, ["二十届三中全会"]),
    ("学习贯彻党的二十届三中全会精神。", 2024, []),
])
def test_congress_wording(tmp_path, sentence, year, expected):
    assert terms(stale(tmp_path, sentence, year)) == expected


def test_the_change_year_is_not_stale_without_a_month(tmp_path):
    """2022: the 20th congress came in October; a 2022 summary may recount the months before."""
    assert stale(tmp_path, "上半年深入学习贯彻党的十九大精神。", 2022) == []


def test_the_change_year_after_the_change_month_is_a_warning(tmp_path):
    findings = stale(tmp_path, "深入学习贯彻党的十九大精神。", 2022, date="2022年12月20日")
    assert [f.severity for f in findings] == ["warning"]


def test_placeholder_congress_is_not_a_stale_term(tmp_path):
    assert stale(tmp_path, "深入学习贯彻习近平新时代中国特色社会主义思想和党的XX大精神。", 2023) == []


# -- 学习教育 campaigns ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, year, expected", [
    ("深入开展党史学习教育。", 2021, []),
    ("深入开展党史学习教育。", 2023, ["党史学习教育"]),
    ("常态化长效化开展党史学习教育。", 2023, []),  # the 2022 wording
    ("推动党史学习教育常态化长效化。", 2024, []),
    ("扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育。", 2023, []),
    ("扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育。", 2025,
     ["学习贯彻习近平新时代中国特色社会主义思想主题教育"]),
    ("扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育。", 2021,
     ["学习贯彻习近平新时代中国特色社会主义思想主题教育"]),  # not yet
    ("扎实开展党纪学习教育。", 2024, []),
    ("扎实开展党纪学习教育。", 2025, ["党纪学习教育"]),
    ("巩固拓展党纪学习教育成果。", 2025, []),
    ("扎实开展党纪学习教育。", 2019, ["党纪学习教育"]),  # a 2019 title on a 2024 text
    ("扎实开展深入贯彻中央八项规定精神学习教育。", 2025, []),
    ("扎实开展深入贯彻中央八项规定精神学习教育。", 2026, ["深入贯彻中央八项规定精神学习教育"]),
    ("扎实开展深入贯彻中央八项规定精神学习教育。", 2024, ["深入贯彻中央八项规定精神学习教育"]),
    ("严格落实中央八项规定精神。", 2024, []),  # the rules themselves never go stale
    # the call after each campaign: make it routine (常态化长效化), in the years after it
    ("巩固拓展党纪学习教育成果，推动党纪学习教育常态化长效化。", 2025, []),
    ("推动深入贯彻中央八项规定精神学习教育常态化长效化。", 2026, []),
    ("推动主题教育常态化长效化，学习贯彻习近平新时代中国特色社会主义思想主题教育常态化长效化。", 2025, []),
])
def test_campaign_wording(tmp_path, sentence, year, expected):
    assert terms(stale(tmp_path, sentence, year)) == expected


@pytest.mark.parametrize("sentence", [
    "巩固拓展“不忘初心、牢记使命”主题教育成果。",
    "2019年开展“不忘初心、牢记使命”主题教育以来，支部建立了长效机制。",
    "2019年，开展“不忘初心、牢记使命”主题教育，形成了一批制度成果。",
    "先后开展了“不忘初心、牢记使命”主题教育、党史学习教育。",
    "回顾“不忘初心、牢记使命”主题教育，我们深刻体会到……",
])
def test_looking_back_on_a_past_campaign_is_not_stale(tmp_path, sentence):
    assert stale(tmp_path, sentence, 2024) == []


# -- 两学一做 ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, year, expected", [
    ("扎实开展“两学一做”学习教育。", 2016, []),
    ("扎实开展“两学一做”学习教育。", 2017, []),
    ("扎实开展“两学一做”学习教育。", 2018, ["“两学一做”学习教育"]),
    ("推进“两学一做”学习教育常态化制度化。", 2018, []),
    ("推进“两学一做”学习教育常态化制度化。", 2020, []),
    ("推进“两学一做”学习教育常态化制度化。", 2022, ["推进“两学一做”学习教育常态化制度化"]),
    ("扎实开展“两学一做”学习教育。", 2015, ["“两学一做”学习教育"]),
])
def test_two_studies_one_action(tmp_path, sentence, year, expected):
    assert terms(stale(tmp_path, sentence, year)) == expected


def test_the_routine_form_of_two_studies_is_only_a_warning_when_stale(tmp_path):
    findings = stale(tmp_path, "推进“两学一做”学习教育常态化制度化。", 2022)
    assert [f.severity for f in findings] == ["warning"]


# -- plan periods: only stale when written as the current plan ---------------------------------

@pytest.mark.parametrize("sentence, year, expected", [
    ("“十三五”时期取得的成就令人鼓舞。", 2021, []),
    ("回顾“十三五”，全县经济总量翻了一番。", 2022, []),
    ("“十三五”规划确定的目标任务圆满完成。", 2021, []),
    ("今年是“十三五”规划收官之年。", 2020, []),
    ("今年是“十三五”规划收官之年。", 2021, ["十三五"]),
    ("认真落实“十三五”规划各项任务。", 2024, ["十三五"]),
    ("按照十三五规划要求推进项目建设。", 2024, ["十三五"]),
    ("2025年是“十四五”规划收官之年。", 2025, []),
    ("围绕“十四五”规划收官，做好财政保障。", 2024, []),
    ("今年是“十四五”规划收官之年。", 2026, ["十四五"]),
    ("“十四五”时期，全市累计新建学校42所。", 2026, []),
    ("科学谋划“十五五”发展思路。", 2025, []),
    ("科学谋划“十五五”发展思路。", 2019, ["十五五"]),  # too early: the year is wrong
    ("力争到“十五五”末基本建成。", 2021, []),  # long-range plans look one period ahead
    ("2018年，全面落实“十三五”规划各项任务。", 2024, []),  # a year it was current: history
])
def test_plan_periods(tmp_path, sentence, year, expected):
    found = terms(stale(tmp_path, sentence, year))
    assert len(found) == len(expected) and all(e in t for e, t in zip(expected, found))


# -- COVID-19 --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, year, expected", [
    ("毫不放松抓好常态化疫情防控。", 2021, []),
    ("毫不放松抓好常态化疫情防控。", 2023, ["常态化疫情防控"]),
    ("统筹疫情防控和经济社会发展。", 2024, ["统筹疫情防控和经济社会发展"]),
    ("疫情期间，党员志愿者坚守一线。", 2024, []),
    ("新冠疫情防控期间，党员志愿者坚守一线。", 2024, []),
])
def test_covid_wording(tmp_path, sentence, year, expected):
    assert terms(stale(tmp_path, sentence, year)) == expected


def test_poverty_and_xiaokang_wording(tmp_path):
    assert terms(stale(tmp_path, "坚决打赢脱贫攻坚战。", 2023)) == ["打赢脱贫攻坚战"]
    assert stale(tmp_path, "巩固拓展脱贫攻坚成果同乡村振兴有效衔接。", 2023) == []
    assert stale(tmp_path, "坚决打赢脱贫攻坚战。", 2019) == []
    assert terms(stale(tmp_path, "为决胜全面建成小康社会贡献力量。", 2023)) == ["决胜全面建成小康社会"]


# -- the year ----------------------------------------------------------------------------------

def test_year_from_the_date_when_the_title_has_none(tmp_path):
    findings = stale(tmp_path, "深入学习贯彻党的十九大精神。", title="机关党支部工作总结", date="2024年12月20日")
    assert len(findings) == 1 and "取自成文日期" in findings[0].message


def test_the_year_option_wins_over_the_title(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("2019年党建工作总结\n" + BODY.format(sentence="学习贯彻党的十九大精神。"), encoding="utf-8")
    assert check_stale_terms(CheckContext(load_subject(path))) == []
    findings = check_stale_terms(CheckContext(load_subject(path, year=2024)))
    assert len(findings) == 1 and "--year" in findings[0].message


def test_no_year_is_an_info_not_a_guess(tmp_path):
    findings = stale(tmp_path, "深入学习贯彻党的十九大精神。", title="机关党支部工作总结")
    assert [(f.severity, f.line) for f in findings] == [("info", None)]
    assert "--year" in findings[0].message


# -- the data file -------------------------------------------------------------------------------

def test_the_shipped_lexicon_covers_the_issue_list():
    book = load_lexicon()
    names = {t.term for t in book.dated}
    for wanted in ("党的十八大精神", "党的十九大精神", "党的二十大精神", "“不忘初心、牢记使命”主题教育", "党史学习教育",
                   "学习贯彻习近平新时代中国特色社会主义思想主题教育", "党纪学习教育",
                   "深入贯彻中央八项规定精神学习教育", "“两学一做”学习教育", "推进“两学一做”学习教育常态化制度化",
                   "“十三五”规划", "“十四五”规划", "“十五五”规划", "新冠疫情防控", "精准扶贫"):
        assert wanted in names
    for term in book.dated:
        assert term.source and (term.until is None or (term.replaced_by and term.note))
    nineteenth = next(t for t in book.dated if t.term == "党的十九大精神")
    assert (nineteenth.until.year, nineteenth.until.month) == (2022, 10)


def test_a_broken_lexicon_names_file_line_and_key(tmp_path):
    path = tmp_path / "terms.yaml"
    path.write_text("version: 2\nterms:\n- term: 某提法\n  patterns: ['(']\n  current: {from: 2020}\n"
                    "  source: 出处\n", encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_lexicon(path)
    assert caught.value.line == 4 and "patterns" in caught.value.key and "正则" in caught.value.message
    path.write_text("version: 2\nterms:\n- term: 某提法\n  source: 出处\n  current: {from: 2020-13}\n", encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_lexicon(path)
    assert caught.value.line == 5 and "current.from" in caught.value.key
    path.write_text("version: 2\nterms:\n- term: 某提法\n  source: 出处\n  current: {from: 2020, until: 2022}\n",
                    encoding="utf-8")
    with pytest.raises(DrafterError, match="replaced_by"):
        load_lexicon(path)
    path.write_text("version: 2\nterms:\n- term: 某提法\n  source: 出处\n  topics: [作风]\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="未知的主题“作风”"):
        load_lexicon(path)


# -- central committee plenums ----------------------------------------------------------------

@pytest.mark.parametrize("sentence, year, expected", [
    ("认真学习贯彻党的二十届四中全会精神。", 2025, []),
    ("认真学习贯彻党的二十届四中全会精神。", 2024, ["二十届四中全会"]),  # held in October 2025
    ("全面贯彻党的二十大和二十届二中、三中全会精神。", 2023, ["二十届二中、三中全会"]),  # 三中 came in 2024
    ("全面贯彻党的二十大和二十届二中、三中全会精神。", 2024, []),
    ("全面贯彻党的二十大和二十届二中、三中全会精神。", 2025, []),
    # listing the plenums up to the third is short of one once the fourth was held (2025-10)
    ("全面贯彻党的二十大和二十届二中、三中全会精神。", 2026, ["二十大和二十届二中、三中全会精神"]),
    ("深入学习贯彻党的二十大和二十届二中、三中、四中全会精神。", 2026, []),
    ("全面贯彻党的二十大和二十届二中、三中、四中全会精神。", 2024, ["二十届二中、三中、四中全会"]),
    ("全面贯彻党的二十大和二十届历次全会精神。", 2025, []),
    # a plenum of an earlier central committee as the current guidance is stale ...
    ("深入学习贯彻党的十九届四中全会精神。", 2024, ["十九届四中全会精神"]),
    ("深入学习贯彻党的十九届三中、四中全会精神。", 2023, ["十九届三中、四中全会精神"]),
    ("深入学习贯彻党的十八届六中全会精神。", 2019, ["十八届六中全会精神"]),
    # ... in its own years it is current, and as history it is fine
    ("深入学习贯彻党的十九届三中、四中全会精神。", 2019, []),
    ("全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神。", 2021, []),
    ("深入学习贯彻党的十八届六中全会精神。", 2016, []),
    ("党的十九届四中全会以来，制度建设不断完善。", 2024, []),
    ("学习贯彻党的十九届六中全会通过的历史决议。", 2024, []),
    ("以习近平新时代中国特色社会主义思想为指导。", 2016, ["习近平新时代中国特色社会主义思想"]),  # named in 2017-10
])
def test_plenum_wording(tmp_path, sentence, year, expected):
    assert terms(stale(tmp_path, sentence, year)) == expected


def test_one_wording_matched_by_two_entries_is_one_finding(tmp_path):
    findings = stale(tmp_path, "深入学习贯彻党的十九大和十九届四中全会精神。", 2024)
    assert terms(findings) == ["党的十九大和十九届四中全会精神"]


def test_a_plenum_after_the_date_line_is_named_with_the_date(tmp_path):
    """A report dated July 2025 cannot study the plenum of October 2025."""
    findings = stale(tmp_path, "学习贯彻党的二十届四中全会精神。", 2025, title="{year}年上半年工作汇报",
                     date="2025年7月10日")
    assert terms(findings) == ["二十届四中全会"] and "成文日期为 2025年7月" in findings[0].message
    assert stale(tmp_path, "学习贯彻党的二十届四中全会精神。", 2025, title="{year}年工作总结",
                 date="2025年12月20日") == []


# -- a year's review dated early the next year -------------------------------------------------

def test_an_annual_summary_dated_in_january_reviews_the_year_before(tmp_path):
    """机关党支部年度工作总结 … 2025年1月8日: a 2024 summary; 党纪学习教育 was that year's."""
    findings = stale(tmp_path, "一年来，支部扎实开展党纪学习教育。", title="机关第一党支部年度工作总结",
                     date="2025年1月8日")
    assert findings == []
    path = tmp_path / "doc.txt"
    subject = load_subject(path)
    assert (subject.year, subject.year_origin) == (2024, "date_previous")
    findings = stale(tmp_path, "一年来，支部深入学习贯彻党的十九大精神。", title="机关第一党支部年度工作总结",
                     date="2025年1月8日")
    assert len(findings) == 1 and "年初成文" in findings[0].message and "2024 年" in findings[0].message


def test_only_yearly_reviews_dated_early_look_back_a_year(tmp_path):
    # December: the year of the date
    stale(tmp_path, "学习。", title="机关第一党支部年度工作总结", date="2024年12月20日")
    assert load_subject(tmp_path / "doc.txt").year == 2024
    # March: late for last year's summary; the year of the date
    stale(tmp_path, "学习。", title="机关第一党支部年度工作总结", date="2025年3月2日")
    assert load_subject(tmp_path / "doc.txt").year == 2025
    # a title with its year wins over the date
    stale(tmp_path, "学习。", 2025, title="{year}年度工作总结", date="2026年1月5日")
    assert load_subject(tmp_path / "doc.txt").year == 2025
