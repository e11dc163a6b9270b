"""Sentence miner: reusable, generic sentences that lean towards their section's role."""
from __future__ import annotations

from drafter.mining.clauses import Sentence
from drafter.mining.sentences import (add_document_sentences, document_sentences, merge_sentence_totals,
                                      new_sentence_total, normalize_sentence, select_sentences)

PROBLEMS, PLANS, ACHIEVEMENTS = 1, 3, 0


def _sentence(tokens: str, role: int, kind: str = "i") -> Sentence:
    return Sentence(role, kind, tokens.replace(" ", "") + "。", tokens.split() + ["。"])


def test_normalize_drops_ordinal_lead_and_final_stop():
    assert normalize_sentence("一是主动学习意识不强。") == "主动学习意识不强"
    assert normalize_sentence("首先，要加强学习；") == "要加强学习"


def test_candidates_skip_numbers_titles_and_short_pieces():
    found = document_sentences([
        _sentence("理论 学习 还 不够 深入", PROBLEMS),
        _sentence("召开 会议 □", ACHIEVEMENTS),
        _sentence("学习 《 准则 》 精神", ACHIEVEMENTS),
        _sentence("不足", PROBLEMS),
        _sentence("标题 也 不算", PROBLEMS, kind="h"),
    ])
    assert found == [[PROBLEMS, "理论学习还不够深入", "理论 学习 还 不够 深入"]]


def _documents():
    shared = ["理论 学习 还 不够 深入", "党建 与 业务 融合 还 不够", "创新 举措 有待 进一步 加强"]
    plans = ["持续 加强 理论 学习", "推动 党建 与 业务 深度 融合", "进一步 加强 创新 举措"]
    done = ["组织 理论 学习 活动", "开展 党建 业务 培训", "完成 创新 举措 总结"]
    documents = []
    for index in range(4):
        sentences = [_sentence(s, PROBLEMS) for s in shared[index % 3:] + shared[:index % 3]]
        sentences += [_sentence(s, PLANS) for s in plans]
        sentences += [_sentence(s, ACHIEVEMENTS) for s in done]
        documents.append(sentences)
    return documents


def _total(documents, names):
    total = new_sentence_total()
    for sentences, name in zip(documents, names):
        words = sorted({t for s in sentences for t in s.tokens if t != "。"})
        add_document_sentences(total, document_sentences(sentences), words, name)
    return total


def test_problem_sentences_lean_to_problems():
    selected = select_sentences(_total(_documents(), ["a", "b", "c", "d"]))
    problems = [s.text for s in selected if s.role == PROBLEMS]
    assert set(problems) == {"理论学习还不够深入", "党建与业务融合还不够", "创新举措有待进一步加强"}
    first = next(s for s in selected if s.text == "理论学习还不够深入")
    assert first.count == 4 and first.source == "a"


def test_merging_totals_matches_one_pass():
    documents, names = _documents(), ["a", "b", "c", "d"]
    merged = _total(documents[2:], names[2:])
    merge_sentence_totals(merged, _total(documents[:2], names[:2]))
    assert select_sentences(merged) == select_sentences(_total(documents, names))


def test_rare_wording_is_not_reusable():
    documents = _documents()
    documents[0].append(_sentence("龙舟 赛 彩旗 飘扬 锣鼓 喧天", PROBLEMS))
    selected = {s.text for s in select_sentences(_total(documents, ["a", "b", "c", "d"]))}
    assert "龙舟赛彩旗飘扬锣鼓喧天" not in selected
