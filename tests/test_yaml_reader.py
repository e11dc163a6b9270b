"""The one YAML reader: every YAML file drafter reads gets the same encodings,
messages and limits (fill files, bank files, the lexicon)."""
from __future__ import annotations

import time

import pytest
import yaml

from drafter import yaml_reader
from drafter.bank import load_skeletons
from drafter.errors import DrafterError
from drafter.resources import templates_dir
from drafter.yaml_reader import MAX_DEPTH, line_of, load_file


def test_libyaml_and_pure_python_give_the_same_data_and_lines(monkeypatch):
    fast, _ = load_file(templates_dir() / "phrases.yaml", "语库文件")
    monkeypatch.setattr(yaml_reader, "_FAST_LOADER", yaml.SafeLoader)
    pure, _ = load_file(templates_dir() / "phrases.yaml", "语库文件")
    assert fast == pure
    assert [line_of(fast["phrases"], i) for i in range(20)] == [line_of(pure["phrases"], i) for i in range(20)]
    assert fast["phrases"][3].key_lines == pure["phrases"][3].key_lines


def test_a_broken_bank_file_is_explained_with_its_line(tmp_path):
    broken = tmp_path / "skeletons.yaml"
    broken.write_text("version: 1\nskeletons:\n- kind: annual\n  docs: [1\n", encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_skeletons(tmp_path)
    assert caught.value.line == 5 and "skeletons.yaml" in str(caught.value)
    assert "语库文件不是有效的 YAML" in str(caught.value) and "方括号" in str(caught.value)


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["笑笑笑笑笑笑笑笑笑笑"]']
    for level in range(1, levels + 1):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("what", ["填写文件", "语库文件"])
def test_an_alias_bomb_is_refused_at_once(tmp_path, what):
    path = tmp_path / "bomb.yaml"
    path.write_text(_alias_bomb(), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(DrafterError, match="锚点引用.*展开后过大"):
        load_file(path, what)
    assert time.perf_counter() - started < 20  # a generous hang guard: it takes milliseconds


def test_a_few_aliases_are_fine(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("base: &b {text: 三会一课}\nitems: [*b, *b, *b]\n", encoding="utf-8")
    data, _ = load_file(path, "语库文件")
    assert data["items"] == [{"text": "三会一课"}] * 3


@pytest.mark.parametrize("text", ["x: " + "[" * 2000 + "]" * 2000 + "\n",
                                  "".join(" " * i + "a:\n" for i in range(MAX_DEPTH + 5)) + " " * 80 + "b: 1\n"])
def test_deep_nesting_is_one_chinese_error(tmp_path, text):
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DrafterError, match="嵌套层数过多"):
        load_file(path, "填写文件")


@pytest.mark.parametrize("text, tag", [("x: !!binary aGVsbG8=\n", "!!binary"),
                                       ("x: !!python/object:os.system {}\n", "!!python/object:os.system"),
                                       ("x: !mine 1\n", "!mine")])
def test_unknown_tags_are_named(tmp_path, text, tag):
    path = tmp_path / "tag.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_file(path, "填写文件")
    assert f"不支持 YAML 标签“{tag}”" in caught.value.message and caught.value.line == 1


def test_duplicate_keys_are_refused_with_both_lines(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("version: 1\nphrases: []\nversion: 2\n", encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_file(path, "语库文件")
    assert caught.value.line == 3 and "第 1 行" in caught.value.message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"])
def test_every_encoding_reads_alike(tmp_path, encoding):
    path = tmp_path / "enc.yaml"
    path.write_bytes("单位: 市水利局\n要点: [三会一课, 主题党日]\n".encode(encoding))
    data, _ = load_file(path, "填写文件")
    assert data == {"单位": "市水利局", "要点": ["三会一课", "主题党日"]}


def test_control_characters_are_stripped_with_a_warning(tmp_path):
    path = tmp_path / "ctl.yaml"
    path.write_bytes("a: 甲\x07乙\nb: 丙\n".encode())
    data, source = load_file(path, "填写文件")
    assert data == {"a": "甲乙", "b": "丙"} and source.warnings == [(1, "删除了 1 个无法写入文稿的控制字符（U+0007）")]


def test_binary_and_oversized_files_are_refused(tmp_path, monkeypatch):
    word = tmp_path / "fill.yaml"
    word.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(DrafterError, match="不是文本文件"):
        load_file(word, "填写文件")
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "字" * 100 + "\n", encoding="utf-8")
    monkeypatch.setattr(yaml_reader, "MAX_BYTES", 100)
    with pytest.raises(DrafterError, match="过大"):
        load_file(big, "填写文件")
