"""Cleaning: the rule chain on the seeds and messy documents, and each rule alone.

Every rule has positive cases (noise it must remove) and negative ones (real
sentences from work summaries it must leave alone): a false positive destroys
real text.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS, SEED_NAMES
from drafter.cleaning import RULES, CleanResult, clean_lines
from drafter.cleaning.line_edit import Cut
from drafter.cleaning.rules.ad import drop_ads
from drafter.cleaning.rules.disclaimer import drop_disclaimers
from drafter.cleaning.rules.edit_password import drop_edit_passwords
from drafter.cleaning.rules.file_info import drop_file_info
from drafter.cleaning.rules.page_button import drop_page_buttons
from drafter.cleaning.rules.page_meta import drop_page_meta
from drafter.cleaning.rules.paid_marker import strip_paid_markers
from drafter.cleaning.rules.chrome_above_title import drop_chrome_above_title
from drafter.cleaning.rules.repeated_title import drop_repeated_title
from drafter.cleaning.rules.site_promo import drop_site_promo
from drafter.cleaning.rules.title_site_suffix import strip_title_site_suffix
from drafter.cleaning.rules.unfinished_notice import strip_unfinished_notices
from drafter.cleaning.rules.word_count import strip_word_counts
from drafter.model import Line, Removal
from drafter.reading import read_lines

MESSY = Path(__file__).resolve().parent / "data" / "messy"
EXPECTED_MESSY = json.loads((MESSY / "expected.json").read_text(encoding="utf-8"))

NOISE = ["##paid", "paidbegin", "paidend", "素材库", "客服", "代笔", "会员群", "网盘群", "svip",
         "编辑密码", "wsx2023", "请勿照搬照抄", "作者原创投稿", "（2946字）", "2946字", "谨防假冒"]


def make_lines(*texts: str) -> list[Line]:
    return [Line(text, number) for number, text in enumerate(texts, start=1)]


def kept(rule, *texts: str) -> list[str]:
    return [line.text for line in rule(make_lines(*texts))[0]]


def cut_texts(rule, *texts: str) -> list[str]:
    return [cut.text for cut in rule(make_lines(*texts))[1]]


def assert_nothing_lost(before: list[Line], result: CleanResult) -> None:
    """Per source line, the kept text plus the removed text is the original
    (up to whitespace at the seams): nothing vanishes unreported."""
    def chars(texts):
        return Counter(c for text in texts for c in text if not c.isspace())

    for line in before:
        after = [l.text for l in result.lines if l.lineno == line.lineno]
        removed = [r.text for r in result.removed if r.line == line.lineno]
        assert chars(after + removed) == chars([line.text]), line


# -- the five seeds -------------------------------------------------------------------------------


def raw_line(name: str, number: int) -> str:
    return (CORPUS / name).read_text(encoding="utf-8").split("\n")[number - 1].strip()


SEED_EXPECTED = {
    "000_928ffb1024447432.txt": (18, [("paid_marker", "##paidbegin##", 6), ("paid_marker", "##paidend##", 20)]),
    "001_56e93352d959f4eb.txt": (24, [("paid_marker", "##paidbegin##", 6),
                                      ("edit_password", "本文档编辑密码：wsx2023", 44),
                                      ("paid_marker", "##paidend##", 46)]),
    "002_bef99398f62872d2.txt": (41, [("disclaimer", "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！", 1)]),
    "003_e4ab13fd1b405e5f.txt": (21, [("word_count", "（2946字）", 1), ("paid_marker", "##paidbegin##", 7),
                                      ("paid_marker", "##paidend##", 23)]),
    "004_53a748ed6597df06.txt": (29, [("paid_marker", "##paidbegin##", 6)]
                                 + [("ad", raw_line("004_53a748ed6597df06.txt", n), n) for n in (58, 59, 60, 61)]
                                 + [("paid_marker", "##paidend##", 64)]),
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[list[Line], CleanResult]]:
    out = {}
    for name in SEED_NAMES:
        lines = read_lines(CORPUS / name)
        out[name] = (lines, clean_lines(lines))
    return out


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_removals_are_exactly_the_noise(seeds, name):
    _, result = seeds[name]
    count, removals = SEED_EXPECTED[name]
    assert [(r.rule, r.text, r.line) for r in result.removed] == removals
    assert len(result.lines) == count


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_has_no_noise_left(seeds, name):
    _, result = seeds[name]
    for line in result.lines:
        for noise in NOISE:
            assert noise not in line.text, (noise, line)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_nothing_lost_and_cleaning_twice_changes_nothing(seeds, name):
    before, result = seeds[name]
    assert_nothing_lost(before, result)
    again = clean_lines(result.lines)
    assert again.removed == [] and again.lines == result.lines


def test_seed_lines_with_gongzhonghao_are_kept(seeds):
    lines_001 = {l.lineno: l.text for l in seeds["001_56e93352d959f4eb.txt"][1].lines}
    lines_003 = {l.lineno: l.text for l in seeds["003_e4ab13fd1b405e5f.txt"][1].lines}
    assert "利用官网、公众号等开展宣传30余次" in lines_001[7]
    assert "充分利用公众号“雨课堂”引导干部" in lines_003[6]
    assert lines_001[7] == raw_line("001_56e93352d959f4eb.txt", 7)


def test_seed_marker_inside_a_word_and_before_headings(seeds):
    lines_000 = {l.lineno: l.text for l in seeds["000_928ffb1024447432.txt"][1].lines}
    assert "按照“自己的问题彻底改，别人的问题对照改”" in lines_000[6]
    assert lines_000[6] == raw_line("000_928ffb1024447432.txt", 6).replace("##paidbegin##", "")
    lines_001 = {l.lineno: l.text for l in seeds["001_56e93352d959f4eb.txt"][1].lines}
    assert lines_001[6] == "（二）“标准化”抓管理，强化责任落实"
    lines_003 = {l.lineno: l.text for l in seeds["003_e4ab13fd1b405e5f.txt"][1].lines}
    assert lines_003[1] == "2023年党总支部书记抓基层党建工作述职报告"
    assert lines_003[7] == "（二）抓责任，主责主业彰显作为。"


def test_seed_004_ends_with_its_last_real_paragraph(seeds):
    result = seeds["004_53a748ed6597df06.txt"][1]
    assert result.lines[-1].lineno == 57
    assert result.lines[-1].text.startswith("一是抓实学习教育")


# -- messy variants of the seeds clean the same way ------------------------------------------


@pytest.mark.parametrize("variant", ["half_width", "indent_gb18030_crlf", "docx"])
@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_variants_clean_the_same(tmp_path, seeds, name, variant):
    import variants

    text = (CORPUS / name).read_text(encoding="utf-8")
    path = tmp_path / name
    if variant == "half_width":
        path.write_text(variants.half_width_punctuation(text), encoding="utf-8")
    elif variant == "indent_gb18030_crlf":
        path.write_bytes(variants.crlf(variants.indent_and_space(text)).encode("gb18030"))
    else:
        variants.write_docx_one_paragraph_per_line(text, path.with_suffix(".docx"))
        path = path.with_suffix(".docx")
    result = clean_lines(read_lines(path))
    original = seeds[name][1]
    assert [r.rule for r in result.removed] == [r.rule for r in original.removed]
    assert len(result.lines) == len(original.lines)
    if variant != "half_width":
        assert [l.text for l in result.lines] == [l.text for l in original.lines]


# -- hand-written messy documents -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED_MESSY))
def test_messy_document(name):
    expected = EXPECTED_MESSY[name]
    lines = read_lines(MESSY / name)
    result = clean_lines(lines)
    assert len(lines) == expected["read_lines"]
    assert len(result.lines) == expected["kept_lines"]
    assert Counter(r.rule for r in result.removed) == Counter(expected["removed"])
    assert result.lines[0].text == expected["title"]
    assert_nothing_lost(lines, result)


def test_messy_site_header_keeps_the_paragraph_the_notice_was_glued_to():
    result = clean_lines(read_lines(MESSY / "site_header.txt"))
    last = result.lines[-1]
    assert last.lineno == 17 and last.text.endswith("确保各项工作落到实处。")
    assert any("单位公众号推送学习资料" in line.text for line in result.lines)
    assert [r.text for r in result.removed if r.rule == "title_site_suffix"] == ["_公文范文网"]


def test_messy_gb18030_keeps_weixin_gongzhonghao_line():
    result = clean_lines(read_lines(MESSY / "gb18030_crlf_indent.txt"))
    assert any("充分利用微信公众号和宣传栏开展党务公开" in line.text for line in result.lines)
    assert result.lines[-1].text == "2023年12月28日"


# -- the chain -------------------------------------------------------------------------------------


def test_rule_order():
    assert [name for name, _ in RULES] == [
        "paid_marker", "page_chrome_split", "page_paragraph_split", "ad", "edit_password", "disclaimer",
        "news_dateline", "page_meta", "file_info", "related_links", "page_button", "title_bullet", "title_site_prefix",
        "title_site_suffix", "site_promo", "table_of_contents", "compilation_title", "unfinished_notice",
        "word_count", "page_date", "chrome_above_title", "repeated_title", "masked_party"]


def test_custom_chain_and_removals_in_source_order():
    lines = make_lines("标题（3000字）", "正文##paidend##", "##paidbegin##")
    result = clean_lines(lines, rules=[("word_count", strip_word_counts), ("paid_marker", strip_paid_markers)])
    assert [l.text for l in result.lines] == ["标题", "正文"]
    assert result.removed == [Removal("word_count", "（3000字）", 1), Removal("paid_marker", "##paidend##", 2),
                              Removal("paid_marker", "##paidbegin##", 3)]
    assert clean_lines(lines, rules=[]).lines == lines


def test_input_lines_are_not_modified():
    lines = make_lines("按##paidbegin##照要求")
    clean_lines(lines)
    assert lines[0].text == "按##paidbegin##照要求"


# -- each rule alone -----------------------------------------------------------------------------


def test_paid_marker():
    assert kept(strip_paid_markers, "按##paidbegin##照", "##paidbegin##（二）抓责任", "##paidend##",
                "甲##PaidEnd##乙##paid_begin##丙") == ["按照", "（二）抓责任", "甲乙丙"]
    assert strip_paid_markers(make_lines("x", "##paidend##"))[1] == [Cut("##paidend##", 2)]
    assert kept(strip_paid_markers, "第##期简报") == ["第##期简报"]


SEED_ADS = [raw_line("004_53a748ed6597df06.txt", n) for n in (58, 60, 61)]

REAL_SENTENCES = [
    "利用官网、公众号等开展宣传30余次，较上半年的15次大幅提升。",
    "充分利用公众号“雨课堂”引导干部学用结合，分享心得体会。",
    "利用微信公众号推送学习资料120余条，组织青年小伙伴扫码参加知识竞赛。",
    "建立党建宣传素材库，收集各类素材300余篇。",
    "组织工会会员开展健步走活动，参与职工200余人。",
    "开通企业VIP服务通道，为重点项目提供全程代办服务。",
    "提醒群众谨防上当受骗，全年开展反诈宣传12场。",
    "督促干部职工定期修改密码，落实网络安全责任。",
    "坚持实事求是，防止照搬照抄上级文件。",
    "加大侵权假冒打击力度，开展知识产权和版权保护宣传。",
    "本站全年共测流120次，发布水情信息30期。",
    "通过网格员为大家提供上门服务，解决群众急难愁盼问题。",
    "时间：2023年3月15日 地点：三楼会议室",
    "二是加强阅读推广，全年读书班阅读量达到5000人次。",
    "撰写调研报告（3000字）1篇，获市级优秀调研成果。",
    "撰写心得体会（不少于2000字）",
    "整改问题12个（已完成10个，未完成整改2个）。",
    "（未完成整改）",
    "分享经验做法，收藏优秀案例。",
    "欢迎各位领导莅临指导。",
    "一、存在的问题",
    "XX中心2023年度上半年党建工作开展情况汇报",
    "加强微信群、QQ群等网络阵地管理，规范群内信息发布。",
    "全年共发展党员5名，转正预备党员3名，确定入党积极分子6名。",
    "XX同志任XX支部书记，全年带头学习X次，讲党课XX次。",
    "通过微信工作群及时传达上级精神，全年发布通知80余条。",
    "全年召开党组会议24次，" * 30 + "研究重大事项56项。",
]


@pytest.mark.parametrize("rule", [rule for _, rule in RULES])
def test_no_rule_touches_real_sentences(rule):
    lines = make_lines(*REAL_SENTENCES)
    kept_lines, cuts = rule(lines)
    assert cuts == [] and kept_lines == lines


def test_ad_lines_go_whole():
    assert kept(drop_ads, *SEED_ADS) == []
    assert cut_texts(drop_ads, *SEED_ADS) == SEED_ADS


@pytest.mark.parametrize("ad", [
    "扫码添加客服微信：dada2023，领取全套党建材料",
    "欢迎加入VIP会员，海量范文免费下载",
    "【公文写作素材】每日更新材料500篇，需要请联系",
    "专业代笔，各类总结、述职报告，持续接单中",
    "加微信：wenmi8888 获取更多范文",
])
def test_other_ads(ad):
    assert kept(drop_ads, ad) == []


def test_ad_glued_to_a_real_paragraph_keeps_the_paragraph():
    real = "一是抓实学习教育，筑牢思想信念根基。"
    assert kept(drop_ads, real + SEED_ADS[0]) == [real]
    assert cut_texts(drop_ads, real + SEED_ADS[0]) == [SEED_ADS[0]]
    # glued without a full stop: the ad starts at its brand bracket
    assert kept(drop_ads, "持之以恒地学习习近平新时代中国特色社会主义思想" + SEED_ADS[0]) == [
        "持之以恒地学习习近平新时代中国特色社会主义思想"]


def test_edit_password():
    assert kept(drop_edit_passwords, "本文档编辑密码：wsx2023", "解压密码：abc123", "提取码：x7k2",
                "文档密码为 123456", "密码：dj2023") == []
    assert kept(drop_edit_passwords, "确保各项工作落到实处。本文档编辑密码：abc123") == ["确保各项工作落到实处。"]
    assert kept(drop_edit_passwords, "设置高强度密码，定期修改密码。", "推进商用密码应用安全性评估") == [
        "设置高强度密码，定期修改密码。", "推进商用密码应用安全性评估"]


def test_disclaimer():
    assert kept(drop_disclaimers, "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！", "版权归原作者所有",
                "本文来源于网络，如有侵权请联系删除。", "转载请注明出处", "（仅供参考）",
                "免责声明：本站资源仅供学习交流") == []
    assert kept(drop_disclaimers, "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！2019年党建工作总结") == [
        "2019年党建工作总结"]
    assert kept(drop_disclaimers, "测算数据仅供参考决策。") == ["测算数据仅供参考决策。"]


def test_page_meta():
    meta = ["发布时间：2023-12-20 10:31:05  来源：第一范文网  浏览量：1234", "作者：佚名 | 阅读：356次",
            "来源：XX日报", "2023-12-20 浏览次数：88", "当前位置：首页 > 工作总结 > 党建工作总结",
            "首页 > 范文 > 述职报告", "发布日期：2023年12月20日", "【字数：3200】"]
    assert kept(drop_page_meta, *meta) == []
    assert kept(drop_page_meta, "作者：张三", "日期：2023年12月", "来源于群众、服务群众") == [
        "作者：张三", "日期：2023年12月", "来源于群众、服务群众"]


def test_file_info():
    assert kept(drop_file_info, "格式：docx  大小：25KB  文档页数：5页", "格式:doc", "大小: 1.2MB",
                "文件格式：PDF 下载次数：321") == []
    assert kept(drop_file_info, "格式规范，大小适中。", "格式：统一", "页数：若干") == [
        "格式规范，大小适中。", "格式：统一", "页数：若干"]


def test_page_button():
    buttons = ["下载本文 | 分享 | 收藏 | 举报", "【打印本文】【关闭窗口】", "字号：大 中 小",
               "分享到：微信 微博 QQ空间", "下载文档", "上一篇：2022年度党支部工作总结", "相关推荐",
               "上一篇 下一篇", "上一页 | 下一页"]
    assert kept(drop_page_buttons, *buttons) == []
    assert kept(drop_page_buttons, "大 中 小", "微信", "分享会", "上一篇文章写到") == ["大 中 小", "微信", "分享会", "上一篇文章写到"]


def test_title_site_suffix():
    assert kept(strip_title_site_suffix, "2023年党建工作总结_第一范文网", "正文") == ["2023年党建工作总结", "正文"]
    assert kept(strip_title_site_suffix, "述职报告 - 豆丁文库") == ["述职报告"]
    # only the top lines, and not a name without a separator
    assert kept(strip_title_site_suffix, "一", "二", "三", "四_范文网") == ["一", "二", "三", "四_范文网"]
    assert kept(strip_title_site_suffix, "加强电网建设", "党建工作总结_2023") == ["加强电网建设", "党建工作总结_2023"]


def test_site_promo():
    assert kept(drop_site_promo, "XX范文网为您精心整理了2023年工作总结，欢迎阅读！",
                "工作总结是对一定时期工作的回顾。下面是小编为大家整理的党支部工作总结，希望对您有所帮助。",
                "更多相关工作总结请访问本站", "本站为您推荐：优秀党建材料") == []
    long_real = "全年共开展主题党日活动12次，" * 16 + "组织党员志愿服务20次。"
    assert kept(drop_site_promo, long_real + "更多精彩内容请关注本站。") == [long_real]


def test_unfinished_notice():
    assert kept(strip_unfinished_notices, "确保各项工作落到实处。(未完，全文共4321字)",
                "（未完，继续阅读）", "点击查看全文>>", "……（未完）", "（未完待续）") == ["确保各项工作落到实处。"]
    assert kept(strip_unfinished_notices, "改革未完待续", "工作尚未完成") == ["改革未完待续", "工作尚未完成"]


def test_word_count():
    assert kept(strip_word_counts, "述职报告（2946字）", "工作总结(约3000字)", "主要成绩【3000字】",
                "全面从严治党工作总结 全文共3000字", "个人总结（3000字左右）", "汇报(共2,946字)") == [
        "述职报告", "工作总结", "主要成绩", "全面从严治党工作总结", "个人总结", "汇报"]
    assert cut_texts(strip_word_counts, "述职报告（2946字）") == ["（2946字）"]
    long_heading = "一、" + "加强基层组织建设" * 10 + "（3000字）"
    assert kept(strip_word_counts, long_heading, "完成调研。报告（3000字）") == [long_heading, "完成调研。报告（3000字）"]


def test_chrome_above_a_title_printed_twice():
    # the line printed twice is the title: the short phrases above it are the site's head
    assert kept(drop_chrome_above_title, "好学资料网 教师工作总结", "2024年教师个人年度工作总结",
                "2024年教师个人年度工作总结", "本学年，我担任班主任。") == [
        "2024年教师个人年度工作总结", "2024年教师个人年度工作总结", "本学年，我担任班主任。"]
    assert cut_texts(drop_chrome_above_title, "某某网", "教师频道", "年度总结", "年度总结", "正文。") == ["某某网", "教师频道"]
    # no repeat, a sentence above it, a repeat far down or a repeated heading: nothing goes
    for texts in [("某某网 教师工作总结", "2024年工作总结", "正文。"),
                  ("本学年，我担任班主任。", "2024年工作总结", "2024年工作总结"),
                  ("一、主要工作", "（一）学习", "（一）学习"), ("2024年工作总结", "2024年工作总结", "2024年工作总结"),
                  ("标题", "正文", "甲", "乙", "丙", "丁", "小结", "小结")]:
        assert kept(drop_chrome_above_title, *texts) == list(texts), texts


def test_repeated_title():
    assert kept(drop_repeated_title, "2023年党建工作总结", "2023年党建工作总结", "正文") == [
        "2023年党建工作总结", "正文"]
    assert kept(drop_repeated_title, "2023年 党建工作总结（一）", "2023年党建工作总结(一)") == [
        "2023年 党建工作总结（一）"]
    assert kept(drop_repeated_title, "标题", "正文", "标题") == ["标题", "正文", "标题"]
    long_line = "一" * 81
    assert kept(drop_repeated_title, long_line, long_line) == [long_line, long_line]


# -- nothing is ever lost, on any mix of real text and noise ---------------------------------

PIECES = REAL_SENTENCES + SEED_ADS + [
    "##paidbegin##", "##paidend##", "本文档编辑密码：wsx2023", "（2946字）", "(未完，全文共4321字)",
    "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！", "下载本文 | 分享", "发布时间：2023-12-20 来源：XX网",
    "_第一范文网", "更多相关工作总结请访问本站", "一、", "（一）", "。", "\u3000", "2023年党建工作总结",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join), min_size=1, max_size=12))
def test_any_mix_loses_nothing_unreported(texts):
    lines = [Line(text.strip(), number) for number, text in enumerate(texts, 1) if text.strip()]
    result = clean_lines(lines)
    assert_nothing_lost(lines, result)
    assert all(line.text and line.text == line.text.strip() for line in result.lines)
    assert all(r.rule in dict(RULES) and r.text for r in result.removed)
