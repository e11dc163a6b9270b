"""The per-document digest: structure, role-tagged blocks, units; noise never passes."""
from __future__ import annotations

from drafter.mining.digest import digest_document, digest_text, is_noisy, title_unit
from drafter.vocabulary import ROLES
from drafter.model import Document, Section


def _document() -> Document:
    achievements = Section(1, "一、", "主要工作开展情况", "achievements", children=[
        Section(2, "（一）", "学思想，推进主题教育", "achievements", paragraphs=["严格执行“三会一课”制度。"],
                items=["明确全年目标任务。"], children=[Section(3, "1.", "强化学习", "achievements")]),
        Section(2, "（二）", "明职责，扛起党建责任", "achievements", paragraphs=["落实一岗双责。"]),
    ])
    problems = Section(1, "二、", "存在的主要问题", "problems", items=["主动学习意识不强。", "融合不够。"])
    plans = Section(1, "三、", "2024年工作计划", "plans",
                    items=["在党建责任落实上下功夫。", "加微信abc123456领取全文"])
    return Document(source="x.txt", kind="annual", title="2023年市水利局机关党委党建工作总结",
                    opening="2023年，机关党委坚持以学促干。现将2023年工作总结如下：",
                    closing="下一步，我们将继续努力。", signature="市水利局机关党委", date="2024年1月5日",
                    sections=[achievements, problems, plans])


def test_section_shapes():
    digest = digest_document(_document(), "x.txt")
    assert digest["kind"] == "annual" and digest["year"] == 2023 and digest["source"] == "x.txt"
    assert digest["sections"] == [
        # role index, heading, l2, items, l3, items anywhere
        [ROLES.index("achievements"), "主要工作开展情况", 2, 0, 1, 1],
        [ROLES.index("problems"), "存在的主要问题", 0, 2, 0, 2],
        [ROLES.index("plans"), "2024年工作计划", 0, 2, 0, 2],
    ]


def test_blocks_carry_the_role_of_their_level1_section():
    blocks = digest_document(_document(), "x.txt")["blocks"]
    assert blocks[0] == [-1, "t", "2023年市水利局机关党委党建工作总结"]
    assert [-1, "o", "2023年，机关党委坚持以学促干。现将2023年工作总结如下："] in blocks
    assert [0, "h", "学思想，推进主题教育"] in blocks and [0, "H", "主要工作开展情况"] in blocks
    assert [0, "p", "严格执行“三会一课”制度。"] in blocks and [0, "i", "明确全年目标任务。"] in blocks
    assert [1, "i", "主动学习意识不强。"] in blocks
    assert blocks[-1] == [-1, "c", "下一步，我们将继续努力。"]


def test_noise_the_cleaner_missed_is_dropped_anyway():
    text = digest_text(digest_document(_document(), "x.txt"))
    assert "微信" not in text and "abc123456" not in text
    assert is_noisy("【哒哒素材库】每天更新") and is_noisy("详见 http://example.com") and is_noisy("##paidbegin##")
    assert not is_noisy("充分利用公众号“雨课堂”引导干部学用结合")
    # a table note naming its * marker is text like any other; a masked word is not
    assert not is_noisy("表中带*的指标为约束性指标") and not is_noisy("注：带**的项目为民生实事项目")
    assert is_noisy("深入学习**思想") and is_noisy("以习近平新时代中国特色*主义思想为指导")


def test_units_from_signature_and_title():
    digest = digest_document(_document(), "x.txt")
    assert digest["units"] == ["市水利局机关党委", "水利局机关党委"]
    assert title_unit("XX中心2023年度上半年党建工作开展情况汇报") == "XX中心"
    assert title_unit("2023年党总支部书记抓基层党建工作述职报告") == "党总支部"
    assert title_unit("2019年党建工作总结") == ""


def test_digest_is_plain_data():
    import marshal

    digest = digest_document(_document(), "x.txt")
    assert marshal.loads(marshal.dumps(digest)) == digest
