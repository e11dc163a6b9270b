"""Cleaning rules for documents copied from 范文 sites, 文库 previews, compilations and
newspapers: each rule alone, on noise it must take and real text it must leave."""
from __future__ import annotations

import pytest

from drafter.cleaning import clean_lines
from drafter.cleaning.line_edit import Cut
from drafter.masked_text import has_masked_gap, masked_gaps
from drafter.cleaning.rules.compilation_title import drop_compilation_titles
from drafter.cleaning.rules.file_info import drop_file_info
from drafter.cleaning.rules.masked_party import restore_masked_party
from drafter.cleaning.rules.news_dateline import drop_news_datelines
from drafter.cleaning.rules.page_button import drop_page_buttons
from drafter.cleaning.rules.page_date import strip_page_dates
from drafter.cleaning.rules.page_meta import drop_page_meta
from drafter.cleaning.rules.page_paragraph_split import split_page_paragraphs
from drafter.cleaning.rules.table_of_contents import drop_table_of_contents
from drafter.cleaning.rules.title_bullet import strip_title_bullets
from drafter.cleaning.rules.title_site_prefix import strip_title_site_prefix
from drafter.model import Line


def make_lines(*texts: str) -> list[Line]:
    return [Line(text, number) for number, text in enumerate(texts, start=1)]


def kept(rule, *texts: str) -> list[str]:
    return [line.text for line in rule(make_lines(*texts))[0]]


def cut_texts(rule, *texts: str) -> list[str]:
    return [cut.text for cut in rule(make_lines(*texts))[1]]


# -- a page on one line ------------------------------------------------------------------------

ONE_LINE = ("城关镇中心小学党支部2022年党建工作总结 一年来，支部在镇党委的领导下，认真落实全面从严治党要求，"
            "各项工作取得新进展。现将全年工作汇报如下： 一、基本情况 支部现有党员31名，其中退休党员9名。"
            "  二、主要做法 一是抓理论学习，全年集中学习12次。\u3000二是抓组织生活，按期召开支部党员大会4次。"
            " 三、存在的问题 个别党员学习主动性不够。")


def test_one_line_page_is_split_at_its_paragraph_spaces():
    assert kept(split_page_paragraphs, ONE_LINE) == [
        "城关镇中心小学党支部2022年党建工作总结",
        "一年来，支部在镇党委的领导下，认真落实全面从严治党要求，各项工作取得新进展。现将全年工作汇报如下：",
        "一、基本情况", "支部现有党员31名，其中退休党员9名。", "二、主要做法",
        "一是抓理论学习，全年集中学习12次。", "二是抓组织生活，按期召开支部党员大会4次。",
        "三、存在的问题", "个别党员学习主动性不够。"]
    assert all(line.lineno == 1 for line in split_page_paragraphs(make_lines(ONE_LINE))[0])


def test_one_line_page_keeps_couplets_and_table_rows_whole():
    text = ("加强顶层设计 创新工作思路 扎实推进模范机关创建 一年来，支部认真落实各项要求，取得一定成效。现将情况汇报如下："
            " 一、2023年：凝心聚力谱新篇  履职尽责展作为 2023年是全面贯彻党的二十大精神的开局之年。"
            " 二、强化政治引领 筑牢思想根基 全年学习12次。 三、存在的问题 学习深度不够。"
            " 一、本年新收申请数量 21 0 0 0 0 0 21 二、上年结转申请数量 0 0 0 0 0 0 0")
    assert kept(split_page_paragraphs, text) == [
        "加强顶层设计 创新工作思路", "扎实推进模范机关创建",
        "一年来，支部认真落实各项要求，取得一定成效。现将情况汇报如下：",
        "一、2023年：凝心聚力谱新篇  履职尽责展作为", "2023年是全面贯彻党的二十大精神的开局之年。",
        "二、强化政治引领 筑牢思想根基", "全年学习12次。", "三、存在的问题", "学习深度不够。",
        "一、本年新收申请数量 21 0 0 0 0 0 21", "二、上年结转申请数量 0 0 0 0 0 0 0"]


def test_headings_glued_to_a_sentence_end_or_colon_are_breaks():
    text = ("东坡社区党总支2022年党建工作总结 一年来，东坡社区党总支紧扣基层治理抓党建，各项工作稳步推进。"
            "现将全年工作汇报如下：一、基本情况 党总支下设3个支部，现有党员88名。二、主要做法 一是抓学习，"
            "集中学习11次。二是抓服务，办结群众诉求57件。三、存在问题 党员作用发挥不够均衡。")
    assert kept(split_page_paragraphs, text) == [
        "东坡社区党总支2022年党建工作总结", "一年来，东坡社区党总支紧扣基层治理抓党建，各项工作稳步推进。现将全年工作汇报如下：",
        "一、基本情况", "党总支下设3个支部，现有党员88名。", "二、主要做法", "一是抓学习，集中学习11次。二是抓服务，办结群众诉求57件。",
        "三、存在问题", "党员作用发挥不够均衡。"]
    # a page shorter than 120 characters splits when 一、 and 二、 run in sequence
    short = "东坡社区2022年工作总结 现将全年工作汇报如下：一、基本情况 现有党员88名。二、主要做法 集中学习11次。"
    assert kept(split_page_paragraphs, short) == [
        "东坡社区2022年工作总结", "现将全年工作汇报如下：", "一、基本情况", "现有党员88名。", "二、主要做法", "集中学习11次。"]
    # after a lead-in colon 一、 starts again: the next part of a compilation page
    parts = ("第1篇:东湖村2021年工作总结 一年来，东湖村党支部扎实推进乡村振兴。现将工作总结如下：一、主要工作 村集体收入达到"
             "28万元。二、存在问题 党员老龄化问题突出。 第2篇:西岭村2021年工作总结 今年以来，西岭村党支部紧扣环境整治。"
             "现将有关情况总结如下：一、主要做法 开展志愿服务16次。二、下步打算 将进一步完善村规民约。")
    pieces = kept(split_page_paragraphs, parts)
    assert pieces[pieces.index("第2篇:西岭村2021年工作总结") + 1:] == [
        "今年以来，西岭村党支部紧扣环境整治。现将有关情况总结如下：", "一、主要做法", "开展志愿服务16次。", "二、下步打算",
        "将进一步完善村规民约。"]


@pytest.mark.parametrize("text", [
    # an inline list after a colon (its items end in semicolons) and a number out of sequence
    "存在的问题主要有：一、学习不够深入；二、创新意识不强。 下一步将认真整改。",
    "全年工作有序推进。三、四季度开展专项检查2次。 群众满意度进一步提升。",
    # one level-1 heading and a couplet: a heading line, not a page
    "一、强化政治引领 筑牢思想根基",
])
def test_short_lines_without_a_run_of_headings_stay_whole(text):
    assert kept(split_page_paragraphs, text) == [text]


@pytest.mark.parametrize("text", [
    # a long paragraph with one stray space stays whole
    "落实 “三审三校”制度，从严把好信息发布关，全年审核稿件1200余篇，未发生一起信息发布差错，"
    "政务新媒体运维管理持续规范，群众留言办结率达到百分之百，社会满意度进一步提升。",
    # spaces between figures and units (a PDF copy) are no paragraph breaks
    "2023 年，全区受理政府信息公开申请 21 件。 2023 年，主动公开政府信息 1136 条。 2023 年，"
    "政务新媒体发布信息 2860 条，比上年增长 12 个百分点，各项工作取得明显成效，群众满意度不断提升。",
    "二、主要做法",
])
def test_ordinary_lines_are_not_split(text):
    assert kept(split_page_paragraphs, text) == [text]


# -- site chrome ---------------------------------------------------------------------------------

def test_breadcrumbs_in_any_form():
    crumbs = ["您当前的位置：首页 > 范文 > 工作总结", "当前位置：工作总结 > 党建工作总结",
              "XX期刊网 > 精选范文 > 工作总结 > 党建工作总结", "首页>范文>述职报告"]
    assert kept(drop_page_meta, *crumbs) == []
    assert kept(drop_page_meta, "位置：三楼会议室", "经费使用>预算的部分，依规处理") == [
        "位置：三楼会议室", "经费使用>预算的部分，依规处理"]


def test_login_bar_and_bare_file_sizes():
    assert kept(drop_page_buttons, "登录 | 注册", "首页 会员中心 退出", "免费注册 登录") == []
    assert kept(drop_page_buttons, "注册资本500万元，年产值1.2亿元。") == ["注册资本500万元，年产值1.2亿元。"]
    assert kept(drop_file_info, "• 22.01 KB", "22.01KB · 6页 · 1203次下载", "• 1.2 MB | 6页") == []
    assert kept(drop_file_info, "共12页", "投资12M元", "容量500 KB的服务器") == ["共12页", "投资12M元", "容量500 KB的服务器"]


def test_site_name_before_the_title():
    assert kept(strip_title_site_prefix, "XX期刊网 精选范文 2021年党建工作总结") == ["2021年党建工作总结"]
    assert cut_texts(strip_title_site_prefix, "范文大全网 工作总结频道 2023年述职报告") == ["范文大全网 工作总结频道"]
    # a name that merely ends in 网, a title with a space, a slogan title: untouched
    for title in ("国家电网 2023年工作总结", "2023年 党建工作总结", "加强顶层设计 创新工作思路"):
        assert kept(strip_title_site_prefix, title) == [title]
    # a site's name alone on a line goes; a title ending in 范文 stays
    assert kept(strip_title_site_prefix, "XX文库", "2023年党建工作总结") == ["2023年党建工作总结"]
    assert kept(strip_title_site_prefix, "2023年党建工作总结范文", "正文。") == ["2023年党建工作总结范文", "正文。"]
    # only at the top of the page
    lines = ["标题", "一", "二", "三", "四", "五", "XX期刊网 精选范文 2021年党建工作总结"]
    assert kept(strip_title_site_prefix, *lines) == lines
    # a line of nothing but section words goes whole; one naming a document or a topic stays
    assert kept(strip_title_site_prefix, "精选范文", "2023年党建工作总结") == ["2023年党建工作总结"]
    assert kept(strip_title_site_prefix, "XX期刊网 范文大全", "2023年党建工作总结") == ["2023年党建工作总结"]
    for line in ("工作总结范文", "优秀范文2篇", "主题教育专题"):
        assert kept(strip_title_site_prefix, line, "正文。") == [line, "正文。"]
    # a compilation's part mark is the compilation split's to cut, not the site's words
    for line in ("范文一", "【篇二】", "范文一 县财政局2024年上半年工作总结"):
        assert kept(strip_title_site_prefix, "上半年工作总结范文（2篇）", line, "正文。") == [
            "上半年工作总结范文（2篇）", line, "正文。"]


def test_bullets_before_the_title():
    assert kept(strip_title_bullets, "•", "• 2023年党建工作总结", "一年来，……。") == ["2023年党建工作总结", "一年来，……。"]
    assert cut_texts(strip_title_bullets, "● ● 2023年党建工作总结") == ["● ●"]
    # a bullet in the text is the text's own
    lines = ["标题", "一年来，……。", "一、主要工作", "• 组织学习12次。"]
    assert kept(strip_title_bullets, *lines) == lines
    assert kept(strip_title_bullets, "• 组织学习12次。", "• 召开会议3次。") == ["• 组织学习12次。", "• 召开会议3次。"]
    # a bullet and a file size on a one-line page stay together for file_info
    page = ("• 18.6 KB 青山镇党支部2023年党建工作总结 一年来，青山镇党支部坚持以党建引领发展，组织开展各类活动，"
            "支部战斗力明显增强。现将有关情况总结如下： 一、主要成效 全年发展党员2名，组织主题党日12次。 "
            "二、存在问题 活动形式比较单一。 三、下一步打算 创新活动载体，提升组织力。")
    assert kept(split_page_paragraphs, page)[:2] == ["• 18.6 KB", "青山镇党支部2023年党建工作总结"]
    # a unit follows a figure, not a Latin word: the text after KB starts a paragraph (时 is a unit after 12)
    page = page.replace(" 青山镇党支部2023年党建工作总结 一年来", "  时光荏苒，一年来").replace("组织主题党日12次", "用时12 时")
    assert kept(split_page_paragraphs, page)[:2] == ["• 18.6 KB", "时光荏苒，一年来，青山镇党支部坚持以党建引领发展，"
                                                     "组织开展各类活动，支部战斗力明显增强。现将有关情况总结如下："]
    assert "全年发展党员2名，用时12 时。" in kept(split_page_paragraphs, page)


def test_page_date_above_the_text():
    assert kept(strip_page_dates, "2021年工作总结 2021-04-02", "2021-04-02 10:15", "一年来，支部……。") == [
        "2021年工作总结", "一年来，支部……。"]
    # a written-out date and a date at the end stay
    lines = ["2021年工作总结", "（2021年12月28日）", "一年来，支部认真落实各项要求，取得了明显的成效，得到了上级党委的充分肯定。",
             "2021-12-28"]
    assert kept(strip_page_dates, *lines) == lines


# -- compilations ------------------------------------------------------------------------------

def test_compilation_title():
    titles = ["2021年党支部工作总结汇编（22篇）", "党建工作总结范文精选5篇", "述职报告（通用10篇）",
              "2022年度机关党建工作总结合集", "【精选3篇】2023年述职报告"]
    assert kept(drop_compilation_titles, *titles[:4]) == []
    assert kept(drop_compilation_titles, "撰写调研报告3篇，形成理论文章5篇。", "2023年党建工作总结") == [
        "撰写调研报告3篇，形成理论文章5篇。", "2023年党建工作总结"]


def test_table_of_contents_goes_with_its_entries():
    lines = ["党支部工作总结汇编（3篇）目录", "第1篇：甲支部2021年工作总结", "第2篇：乙支部2021年工作总结",
             "第3篇：丙支部工作总结", "第1篇：甲支部2021年工作总结", "一年来，……。"]
    assert kept(drop_table_of_contents, *lines) == lines[4:]
    assert cut_texts(drop_table_of_contents, *lines) == lines[:4]
    # unmarked entries count when the title comes again below
    lines = ["目录", "甲支部2021年工作总结", "乙支部2021年工作总结", "甲支部2021年工作总结", "一年来，……。",
             "乙支部2021年工作总结", "今年以来，……。"]
    assert kept(drop_table_of_contents, *lines) == lines[3:]
    # a heading ending in 目录 with nothing listed under it is real text
    lines = ["（三）编制政务服务事项目录", "全年梳理事项1200项。"]
    assert kept(drop_table_of_contents, *lines) == lines


# -- reprinted reports -------------------------------------------------------------------------

def test_news_datelines():
    assert kept(drop_news_datelines, "（新华社北京5月27日电）", "新华社北京5月25日电  受委托，委员长作报告。") == [
        "受委托，委员长作报告。"]
    assert cut_texts(drop_news_datelines, "（新华社北京2月20日电）") == ["（新华社北京2月20日电）"]
    for text in ("新华社记者张三摄", "据新华社报道，今年以来……", "5月27日，召开支部党员大会。"):
        assert kept(drop_news_datelines, text) == [text]
    # bylines on a line of their own
    assert kept(drop_news_datelines, "本报记者  赵某", "记者 张某 通讯员 李某某") == []
    for text in ("记者采访了支部书记", "通讯员队伍建设", "组织记者开展采访活动12次。"):
        assert kept(drop_news_datelines, text) == [text]


# -- masked text -------------------------------------------------------------------------------

def test_masked_party_is_restored_and_reported():
    lines, cuts = restore_masked_party(make_lines("教育引导党员信D、爱D、跟D走", "全体D员参加D支部主题党日",
                                                  "深入学习贯彻D的二十大精神"))
    assert [line.text for line in lines] == ["教育引导党员信党、爱党、跟党走", "全体党员参加党支部主题党日",
                                             "深入学习贯彻党的二十大精神"]
    assert cuts == [Cut("信D→信党", 1), Cut("爱D→爱党", 1), Cut("跟D→跟党", 1), Cut("D员→党员", 2),
                    Cut("D支部→党支部", 2), Cut("D的二十大→党的二十大", 3)]


@pytest.mark.parametrize("text", ["购置3D打印机2台", "鉴定为D级危房", "达到D的标准", "刻录DVD光盘", "D类企业",
                                  "在A、B、C、D四个片区"])
def test_a_d_that_is_no_masked_party_stays(text):
    assert kept(restore_masked_party, text) == [text]


def test_masked_gaps():
    assert masked_gaps("坚持以***同志为核心的党中央") == [(3, 6)]
    assert has_masked_gap("学习**思想。") and has_masked_gap("以xxx同志为核心")
    assert has_masked_gap("以习新时代中国特色.主义思想为指导。") and has_masked_gap("学习党的.精神。")
    for text in ("成效显著.下一步将继续加强", "每人3*5分钟", "xx街道", "XX单位", "Word*文档", "全年共开展12次。"):
        assert not has_masked_gap(text), text
    # in a document typed with half-width punctuation a lone . is a full stop
    assert not has_masked_gap("学习党的.精神。", dot_is_full_stop=True)


@pytest.mark.parametrize("text", ["表中带*的指标为约束性指标。", "注：带**的项目为民生实事项目。", "*为预计数。",
                                  "（*表示快报数）", "党的*精神。", "地区生产总值增速**\t6.5%\t6.8%", "粮食总产量**（万吨）"])
def test_a_star_named_as_a_marker_or_not_in_a_known_wording_is_no_gap(text):
    assert masked_gaps(text) == [], text


def test_stars_that_mask_a_word_stay_gaps():
    assert masked_gaps("以习近平新时代中国特色*主义思想为指导。") == [(11, 12)]  # inside a known wording
    assert masked_gaps("参加**的座谈会。") == [(2, 4)]  # 参加 is no marker word
    assert masked_gaps("带***的项目。") == [(1, 4)]  # three stars stand for a name


# -- the chain on a whole web page -----------------------------------------------------------

def test_chain_on_a_page_with_chrome_before_the_title():
    lines = make_lines("XX期刊网 精选范文 2021年党建工作总结", "您当前的位置：首页 > 精选范文 > 工作总结",
                       "登录 | 注册", "• 22.01 KB", "2021年党建工作总结 2021-04-02",
                       "一年来，支部认真落实各项工作要求。现将有关情况总结如下：", "一、主要工作")
    result = clean_lines(lines)
    assert [line.text for line in result.lines] == [
        "2021年党建工作总结", "一年来，支部认真落实各项工作要求。现将有关情况总结如下：", "一、主要工作"]
    assert [(r.rule, r.text) for r in result.removed] == [
        ("title_site_prefix", "XX期刊网 精选范文"), ("page_meta", "您当前的位置：首页 > 精选范文 > 工作总结"),
        ("page_button", "登录 | 注册"), ("file_info", "• 22.01 KB"), ("page_date", " 2021-04-02"),
        ("repeated_title", "2021年党建工作总结")]


def test_related_links_under_the_text():
    from drafter.cleaning.rules.related_links import drop_related_links

    lines = ["……全年目标任务如期完成。", "相关推荐：", "2023年党支部工作总结", "2022年述职报告范文", "机关党建工作总结"]
    assert kept(drop_related_links, *lines) == lines[:1]
    # a heading with nothing listed under it is left to page_button; a sentence ends the list
    assert kept(drop_related_links, "正文。", "相关推荐") == ["正文。", "相关推荐"]
    assert kept(drop_related_links, "猜你喜欢", "2023年工作总结", "全年共开展活动12次，取得明显成效。") == [
        "全年共开展活动12次，取得明显成效。"]
    # a listed title may name a compilation's part before a colon
    lines = ["相关文章", "2023年乡镇工作总结范文（精选5篇）", "第1篇：乡镇年度工作总结"]
    assert kept(drop_related_links, "……如期完成。", *lines) == ["……如期完成。"]
    # on a one-line page: the heading glued to the last sentence, or the first title after its colon
    assert kept(drop_related_links, "二是关注每一个学生的成长。相关推荐", "2024年教师年度考核个人总结") == [
        "二是关注每一个学生的成长。"]
    assert cut_texts(drop_related_links, "二是关注每一个学生的成长。相关推荐", "2024年教师年度考核个人总结") == [
        "相关推荐", "2024年教师年度考核个人总结"]
    assert kept(drop_related_links, "推动工作落实。", "相关推荐：党风廉政建设工作总结范文", "2023年自查报告") == [
        "推动工作落实。"]
    assert kept(drop_related_links, "推动工作落实。", "相关推荐：党风廉政建设工作总结范文") == ["推动工作落实。"]
    # the words inside a sentence, or before one, are the text's own
    for texts in [("组织学习，猜你喜欢的书目由支部推荐。",), ("学员互评。相关推荐：由支部审核后上报，经研究确定。",),
                  ("相关推荐：", "各位领导："), ("收到了。相关推荐", "全年共开展活动12次，取得明显成效。")]:
        assert kept(drop_related_links, *texts) == list(texts), texts
