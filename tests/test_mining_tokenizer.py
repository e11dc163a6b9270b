"""Tokenizer: rjieba when installed, jieba as fallback; mined terms are user words."""
from __future__ import annotations

import pytest

from drafter.errors import DrafterError
from drafter.mining.tokenizer import ENGINE_VARIABLE, chosen_engine, lexicon_fingerprint, load_tokenizer

TEXT = "严格督促一局三中心班子成员落实一岗双责和风清气正的要求"


@pytest.mark.parametrize("engine", ["jieba", "rjieba"])
def test_user_words_stay_whole(engine):
    pytest.importorskip(engine)
    plain = load_tokenizer([], engine).cut(TEXT)
    assert "一局三中心" not in plain
    cut = load_tokenizer(["一局三中心", "一岗双责", "风清气正"], engine).cut(TEXT)
    assert {"一局三中心", "一岗双责", "风清气正"} <= set(cut)
    assert "".join(cut) == TEXT


def test_engines_cut_alike():
    pytest.importorskip("rjieba")
    words = ["三会一课", "主题党日"]
    text = "指导各党支部认真落实“三会一课”、主题党日等制度，开展□次。"
    assert load_tokenizer(words, "jieba").cut(text) == load_tokenizer(words, "rjieba").cut(text)


def test_environment_forces_the_fallback(monkeypatch):
    monkeypatch.setenv(ENGINE_VARIABLE, "jieba")
    assert chosen_engine() == "jieba"
    assert chosen_engine("jieba") == "jieba"
    monkeypatch.delenv(ENGINE_VARIABLE)
    try:
        import rjieba  # noqa: F401
    except ImportError:
        assert chosen_engine() == "jieba"
    else:
        assert chosen_engine() == "rjieba" and chosen_engine("auto") == "rjieba"


def test_unknown_engine_is_a_drafter_error(monkeypatch):
    monkeypatch.setenv(ENGINE_VARIABLE, "thulac")
    with pytest.raises(DrafterError) as error:
        chosen_engine()
    assert error.value.key == ENGINE_VARIABLE and "thulac" in error.value.message


def test_lexicon_fingerprint_ignores_order_and_repeats():
    assert lexicon_fingerprint(["甲乙", "丙丁"]) == lexicon_fingerprint(["丙丁", "甲乙", "甲乙"])
    assert lexicon_fingerprint(["甲乙"]) != lexicon_fingerprint(["丙丁"])


def test_tokenizer_is_reused_for_the_same_words():
    assert load_tokenizer(["三会一课"], "jieba") is load_tokenizer(["三会一课"], "jieba")
