"""Slots: numbers and placeholders are masked for mining; years and units become template slots."""
from __future__ import annotations

from drafter.mining.slots import SLOT_MARK, has_slot, mask_slots, templatize
from drafter.years import year_in_text


def test_numbers_with_measure_words_are_one_slot():
    assert mask_slots("培养入党积极分子22名，接收预备党员4名") == f"培养入党积极分子{SLOT_MARK}，接收预备党员{SLOT_MARK}"
    assert mask_slots("慰问金额1000元") == f"慰问金额{SLOT_MARK}"
    assert mask_slots("发放30余本") == f"发放{SLOT_MARK}"
    assert mask_slots("占总数的90％") == f"占总数的{SLOT_MARK}"
    assert mask_slots("（2018-2020年）") == f"（{SLOT_MARK}）"


def test_placeholders_are_slots():
    assert mask_slots("市X局") == f"市{SLOT_MARK}局"
    assert mask_slots("学习X次") == f"学习{SLOT_MARK}"
    assert mask_slots("某某同志") == f"{SLOT_MARK}同志"
    assert mask_slots("×××书记") == f"{SLOT_MARK}书记"


def test_chinese_numerals_stay_text():
    # 第一责任人 and 三会一课 are words, not numbers
    assert mask_slots("第一责任人，三会一课") == "第一责任人，三会一课"


def test_has_slot():
    assert has_slot("召开会议3次") and has_slot("XX中心") and not has_slot("加强党的建设")


def test_year_in_text():
    assert year_in_text("2023年市水利局机关党委党建工作总结") == 2023
    assert year_in_text("二〇一九年十二月") == 2019
    assert year_in_text("党建工作总结") is None
    assert year_in_text("共12345人") is None


def test_year_and_next_year_become_slots():
    assert templatize("2024年工作计划", year=2023) == "{{ next_year }}年工作计划"
    assert templatize("现将2023年工作总结如下：", year=2023) == "现将{{ year }}年工作总结如下："
    assert templatize("2018年度", year=2023) == "2018年度"  # other years stay as written
    assert templatize("2024年工作计划", year=None) == "2024年工作计划"


def test_unit_becomes_a_slot():
    assert templatize("2023年水利局机关党委在市直属机关工委的指导下，", year=2023,
                      units=("市水利局机关党委", "水利局机关党委")) == "{{ year }}年{{ unit }}在市直属机关工委的指导下，"
    assert templatize("今年来，市X局按照市委的统一部署，", year=2023) == "今年来，{{ unit }}按照市委的统一部署，"


def test_user_braces_never_become_template_code():
    made = templatize("{{ 7*7 }}与{% if %}", year=None)
    assert "{{" not in made and "{%" not in made and "｛｛" in made
