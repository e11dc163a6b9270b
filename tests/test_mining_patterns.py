"""Pattern miner: slotted frames and parallel series, on hand-tokenized clauses."""
from __future__ import annotations

import itertools

from drafter.mining.clauses import Sentence
from drafter.mining.patterns import (PatternCollector, clause_anchors, clause_frames, merge_pattern_totals,
                                     new_pattern_total, select_patterns, series_in_clause)


def frames_of(tokens: str) -> set[str]:
    return {frame for frame, _filler in clause_frames(tokens.split())}


def test_lead_tail_frame():
    assert "以…为抓手" in frames_of("以 星级 党支部 考核 管理 为 抓手")


def test_lead_may_follow_a_few_words():
    assert "在…上下功夫" in frames_of("持续 在 学深悟透 知行合一 上 下功夫")
    assert "坚持把…作为…" in frames_of("各 党支部 坚持 把 学习 新 理论 作为 有效 途径")


def test_two_slot_frames_need_a_one_character_lead_word():
    assert "把…作为…" in frames_of("把 青年干部 学习 成长 作为 党建工作 重要 内容")
    assert not any(f.startswith("推动…") and f.endswith("…") for f in frames_of("推动 主题教育 作为 首要 任务"))


def test_slots_never_hold_only_punctuation_or_numbers():
    assert "以…为抓手" not in frames_of("以 □ 为 抓手")  # a slot alone is no filler
    assert "以…为抓手" in frames_of("以 “ 全面 落实 年 ” 为 抓手")


def test_no_frame_starts_or_ends_with_a_particle():
    for frame in frames_of("的 党员 干部 学习 的"):
        assert not frame.startswith("的") and not frame.endswith("的")


def test_anchors():
    leads, tails = clause_anchors("各 党支部 坚持 把 学习 作为 途径".split())
    assert ("坚持把", 4, True) in leads and ("各党支部", 2, False) in leads
    assert ("途径", 6) in tails and ("作为途径", 5) in tails


def test_parallel_series():
    assert series_in_clause("坚持 党建 与 业务 同 谋划 、 同 部署 、 同 推进".split()) == ["同谋划、同部署、同推进"]
    found = series_in_clause("用 以学 铸魂 、 以学 增智 、 以学 正风 、 以学 促干 的 实际行动".split())
    assert "以学铸魂、以学增智、以学正风、以学促干" in found and "以学铸魂、以学增智、以学正风" in found


def test_lists_that_are_not_parallel_are_no_series():
    assert series_in_clause("执行 “ 三会一课 ” 、 组织生活会 、 谈心谈话".split()) == []
    assert series_in_clause("学深悟透 、 知行合一".split()) == []
    assert series_in_clause("抓 关键人 、 关键 事 、 关键 节点".split()) == []  # 节点 is one word: not cut


def _sentence(tokens: str, role: int = 0) -> Sentence:
    return Sentence(role, "p", tokens.replace(" ", "") + "。", tokens.split() + ["。"])


FILLERS = ["星级 党支部 考核", "党建 项目 立项", "党建 示范 创建", "红色 物业 建设", "书记 项目", "网格 管理"]
NOISE = ["对 群众 意见 进行 梳理", "对 问题 清单 逐项 销号", "开展 志愿 服务", "召开 专题 会议 研究 部署"]


def _total(documents: list[list[Sentence]], names=None) -> dict:
    total = new_pattern_total()
    collector = PatternCollector()
    for index, sentences in enumerate(documents):
        collector.add(sentences, (names or [f"d{i}.txt" for i in range(len(documents))])[index])
    collector.flush_into(total)
    return total


def _documents() -> list[list[Sentence]]:
    documents = []
    for index, filler in enumerate(FILLERS):
        sentences = [_sentence(f"以 {filler} 为 抓手", role=index % 2 * 3)]
        sentences += [_sentence(n) for n in NOISE[index % 2:index % 2 + 3]]
        sentences.append(_sentence(f"同 谋划 、 同 部署 、 同 推进 {filler}"))
        documents.append(sentences)
    return documents


def test_selected_patterns_recur_with_many_fillers():
    patterns = {p.text: p for p in select_patterns(_total(_documents()), documents=6)}
    found = patterns["以…为抓手"]
    assert (found.count, found.docs, found.variety) == (6, 6, 6)
    assert found.roles == 0b1001  # achievements and plans
    assert found.example == ("d0.txt", "以星级党支部考核为抓手。")
    assert patterns["同谋划、同部署、同推进"].docs == 6


def test_a_fixed_phrase_is_no_pattern():
    documents = [[_sentence("以 党建 为 抓手")] * 2 for _ in range(5)]
    assert "以…为抓手" not in {p.text for p in select_patterns(_total(documents), documents=5)}


def test_anchors_meeting_by_chance_are_no_pattern():
    # 对 … 问题 … : 对 leads many clauses and 问题 is everywhere; they meet at chance level
    sentences = []
    for a, b in itertools.product(["群众", "干部", "基层", "作风", "制度"], ["整改", "销号", "梳理", "研究"]):
        sentences.append(_sentence(f"对 {a} 问题 {b} 落实"))
        sentences.append(_sentence(f"对 {a} 工作 {b} 落实"))
        sentences.append(_sentence(f"抓好 {a} 问题 {b}"))
    documents = [sentences[i::4] for i in range(4)]
    assert "对…问题…" not in {p.text for p in select_patterns(_total(documents), documents=4)}


def test_totals_merge_alike_in_any_order():
    documents = _documents()
    names = [f"d{i}.txt" for i in range(6)]
    whole = _total(documents, names)
    parts = [_total(documents[i:i + 2], names[i:i + 2]) for i in (0, 2, 4)]
    for order in itertools.permutations(parts):
        merged = new_pattern_total()
        for part in order:
            merge_pattern_totals(merged, part)
        assert merged == whole


def test_selection_is_ranked_and_stable():
    total = _total(_documents())
    first, second = select_patterns(total, documents=6), select_patterns(total, documents=6)
    assert first == second
    assert [(-p.score, p.text) for p in first] == sorted((-p.score, p.text) for p in first)


# -- quoted names, leads, near copies, series that are 提法 --------------------------------------

def test_no_lead_starts_inside_a_quoted_name():
    assert not [f for f in frames_of("严格落实 “ 三会一课 ” 等 党内 制度") if f.startswith("三会一课")]
    assert not [f for f in frames_of("开展 “ 党员 亮身份 、 争当 排头兵 ” 活动") if f.startswith("党员")]
    assert not [f for f in frames_of("学习 《 条例 》 有关 规定 要求") if f.startswith("条例")]
    assert "严格落实…制度" in frames_of("严格落实 “ 三会一课 ” 等 党内 制度")


def test_no_filler_holds_half_a_pair_of_quotes():
    for clause in ("严格落实 “ 三会一课 ” 等 党内 制度", "开展 “ 党员 亮身份 、 争当 排头兵 ” 活动",
                   "推行 “ 三提 三比 ” 工作法 推动 “ 比学赶超 ” 氛围", "学习 《 条例 》 有关 规定 要求"):
        for frame, filler in clause_frames(clause.split()):
            assert filler[0] not in "”’》）" and filler[-1] not in "“‘《（", (frame, filler)
            assert filler.count("“") == filler.count("”") and filler.count("《") == filler.count("》"), (frame, filler)
    assert ("开展…活动", "“党员亮身份、争当排头兵”") in set(clause_frames("开展 “ 党员 亮身份 、 争当 排头兵 ” 活动".split()))


def _lead_words(lead: str) -> list[tuple[str, str, str]]:
    from drafter.mining.pos import DictionaryWords

    dictionary = DictionaryWords()
    words = {"严格落实": ["严格", "落实"], "认真落实": ["认真", "落实"]}.get(lead, [lead])
    return [(w, dictionary.tag(w), dictionary.tag(w[0])) for w in words]


def _frame_documents(clauses: list[str], documents: int = 4) -> list[list[Sentence]]:
    return [[_sentence(clause) for clause in clauses[i::documents]] for i in range(documents)]


def test_a_lead_is_a_verb_or_preposition_not_a_noun_or_an_adverb():
    clauses = [f"党员 {a} {b} 不强" for a, b in itertools.product(["学习", "参与", "服务", "创新"], ["主动性", "意识"])]
    clauses += [f"积极 {a} {b} 工作" for a, b in itertools.product(["配合", "投身", "参加", "组织"], ["巡察", "创建"])]
    clauses += [f"压实 {a} {b} 责任" for a, b in itertools.product(["管党", "治党", "安全", "监管"], ["政治", "主体"])]
    clauses += [f"以 {a} {b} 为 抓手" for a, b in itertools.product(["星级", "党建", "网格", "书记"], ["项目", "管理"])]
    clauses += [f"召开 {a} {b} 推进会" for a in ["专题", "季度"] for b in ["工作", "整改"]] + NOISE * 3
    total = _total(_frame_documents(clauses))
    plain = {p.text for p in select_patterns(total, documents=4)}
    assert {"党员…不强", "积极…工作", "压实…责任", "以…为抓手"} <= plain
    checked = {p.text for p in select_patterns(total, documents=4, lead_words=_lead_words)}
    assert "党员…不强" not in checked and "积极…工作" not in checked
    assert {"压实…责任", "以…为抓手"} <= checked  # 压实 is tagged a noun; its 压 is a verb


def test_frames_differing_only_in_an_adverb_before_the_verb_are_one():
    clauses = [f"严格落实 {a} {b} 制度" for a, b in itertools.product(["三会", "谈心", "请示", "值班"], ["报告", "谈话", "学习"])]
    clauses += [f"认真落实 {a} {b} 制度" for a, b in itertools.product(["首问", "述职", "考勤"], ["评议", "负责"])]
    clauses += [f"以 {a} {b} 为 抓手" for a, b in itertools.product(["星级", "党建", "网格", "书记"], ["项目", "管理"])]
    clauses += NOISE * 20
    total = _total(_frame_documents(clauses))
    texts = {p.text for p in select_patterns(total, documents=4)}
    assert "严格落实…制度" in texts and "认真落实…制度" not in texts


def test_a_series_that_is_a_set_phrase_is_no_pattern():
    clauses = ["一体 推进 不敢 腐 、 不能 腐 、 不想 腐", "坚持 不敢 腐 、 不能 腐 、 不想 腐 一体 推进",
               "党建 与 业务 同 谋划 、 同 部署 、 同 推进"] * 2
    total = _total(_frame_documents(clauses, documents=3))
    assert "不敢腐、不能腐、不想腐" in {p.text for p in select_patterns(total, documents=3)}
    texts = {p.text for p in select_patterns(total, documents=3, set_phrases=frozenset({"不敢腐、不能腐、不想腐"}))}
    assert "不敢腐、不能腐、不想腐" not in texts and "同谋划、同部署、同推进" in texts
