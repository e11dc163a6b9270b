"""The one YAML writer: whatever the text, the file reads back as exactly that text,
plain where that is certain and quoted otherwise; comments beside and above keys."""
from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.yaml_writer import BLANK, Commented, plain_safe, reads_back, render_document, scalar

# Chinese text with the characters that could change a YAML file's structure mixed in.
TRICKY = st.text(alphabet=st.sampled_from(list("党建工作总结：:#-?[]{},&*!|>'\"%@` \t\n~yesnoNULL012.·…“”\\\x85\u2028\ufeff")),
                 max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.one_of(TRICKY, st.text(max_size=30)))
def test_every_string_reads_back_as_itself(text):
    document = render_document({"值": Commented(text), text or "键": Commented([Commented(text)])}, ["注释"])
    assert reads_back(document, {"值": Commented(text), text or "键": Commented([Commented(text)])})


def test_chinese_text_is_plain_and_look_alikes_are_quoted():
    assert scalar("认真落实“三会一课”制度，召开支委会12次。") == "认真落实“三会一课”制度，召开支委会12次。"
    for text in ("yes", "null", "2025-12-26", "12", "1.10", "- 一是", "#话题", "键: 值", "结尾:", "~", "  缩进"):
        assert not plain_safe(text), text
        assert yaml.safe_load(f"k: {scalar(text)}") == {"k": text}


def test_inline_comments_align_and_disabled_keys_are_comments():
    text = render_document({
        "kind": Commented("annual", inline="类型"),
        "title": Commented("2025年…", inline="标题：可不填", disabled=True),
        "sections": Commented({"plans": Commented(None, [BLANK, "四、下步计划"])}),
    }, ["头注"], blank_between=False)
    lines = text.splitlines()
    assert lines[:2] == ["# 头注", ""]
    assert lines[2] == "kind: annual            # 类型"
    assert lines[3] == "# title: 2025年…        # 标题：可不填"
    assert lines[4:] == ["sections:", "", "  # 四、下步计划", "  plans:"]
    assert yaml.safe_load(text) == {"kind": "annual", "sections": {"plans": None}}
