"""Term miner: character n-gram counts, cohesion and branching entropy, on small hand-made texts."""
from __future__ import annotations

import itertools

from drafter.mining.slots import SLOT_MARK, mask_slots
from drafter.mining.terms import NgramCounts, count_document, count_documents, score_terms

# Six short "documents" where 三会一课 and 谈心谈话 are set phrases: they come with
# many different neighbours, while 会一 never stands alone.
CONTEXTS = ["严格执行{}制度。", "认真落实{}要求，", "坚持开展{}活动；", "规范{}记录。", "抓好{}落实，",
            "把{}纳入考核。", "通过{}形式", "用好{}平台。"]


BACKGROUND = ("春风拂面百花盛开，江河奔流不息。远山如黛近水含烟，田野里麦浪翻滚。"
              "清晨薄雾笼罩小城，街巷渐渐热闹起来。秋收时节农民忙碌，仓廪充实笑语盈门。")


def _documents() -> list[str]:
    documents = []
    for index in range(6):
        lines = [c.format("“三会一课”" if (index + k) % 2 else "三会一课") for k, c in enumerate(CONTEXTS)]
        lines += [c.format("谈心谈话") for c in CONTEXTS[index % 3:index % 3 + 5]]
        lines.append(BACKGROUND[index * 5:] + BACKGROUND[:index * 5])  # ordinary text around them
        documents.append("\n".join(lines))
    return documents


def _counts(texts) -> NgramCounts:
    counts = NgramCounts()
    count_documents(list(texts), counts)
    return counts


def test_counts_overlapping_ngrams_within_runs_only():
    counts = _counts(["三会一课，三会一"])
    assert counts.tf["三会"] == 2 and counts.tf["三会一"] == 2
    assert counts.tf["三会一课"] == 1
    assert counts.tf["课三"] == 0  # punctuation splits runs
    assert counts.starts["三会一"] == 2 and counts.ends["会一课"] == 1 and counts.ends["三会一"] == 1
    assert counts.docs == 1


def test_numbers_and_placeholders_are_slots_not_text():
    assert mask_slots("对巡察出的29条问题逐一整改") == f"对巡察出的{SLOT_MARK}问题逐一整改"
    assert mask_slots("召开XX专题会议X次，XX中心") == f"召开{SLOT_MARK}专题会议{SLOT_MARK}，{SLOT_MARK}中心"
    counts = _counts(["对巡察出的29条问题逐一整改，学习X次"])
    assert not any(ch.isdigit() or "X" in gram or "条问" in gram for gram in counts.tf for ch in gram)
    assert counts.after_slot["问题逐"] == 1  # a slot is a neighbour, not a boundary
    assert counts.starts["问题逐"] == 0


def test_repeated_lines_are_weighted_not_recounted():
    once = _counts(["严格执行三会一课制度\n规范支部建设"] * 3)
    separate = NgramCounts()
    for text in ["严格执行三会一课制度\n规范支部建设"] * 3:
        count_document(text, separate)
    assert once.tf == separate.tf and once.starts == separate.starts and once.docs == separate.docs == 3


def test_merge_is_addition_in_any_order():
    texts = _documents()
    whole = _counts(texts)
    for order in itertools.permutations(range(3)):
        merged = NgramCounts()
        for index in order:
            merged.merge(_counts(texts[index * 2:index * 2 + 2]))
        assert merged.tf == whole.tf and merged.ends == whole.ends and merged.docs == whole.docs


def test_subtract_takes_documents_out_exactly():
    texts = _documents()
    counts = _counts(texts)
    counts.subtract(_counts(texts[:2]))
    rest = _counts(texts[2:])
    assert counts.tf == rest.tf and counts.starts == rest.starts and counts.docs == 4


def test_data_round_trip():
    counts = _counts(_documents())
    again = NgramCounts.from_data(counts.to_data())
    assert again.tf == counts.tf and again.before_slot == counts.before_slot and again.docs == counts.docs


def test_prune_drops_rarest_and_says_so():
    counts = _counts(_documents() + ["独一无二的句子"])
    size = len(counts.tf)
    counts.prune(size // 2)
    assert len(counts.tf) <= size // 2 and counts.pruned >= 1
    assert "独一无二" not in counts.tf and counts.tf["三会一课"] > 0


def test_set_phrases_are_found_and_fragments_are_not():
    terms = {t.text: t for t in score_terms(_counts(_documents()))}
    assert "三会一课" in terms and "谈心谈话" in terms
    assert terms["三会一课"].count == 48
    # inner pieces always sit inside the phrase: no freedom on one side
    assert not {"三会一", "会一课", "会一", "心谈"} & set(terms)


def test_terms_are_ranked_best_first_then_by_text():
    terms = score_terms(_counts(_documents()))
    keys = [(-t.score, t.text) for t in terms]
    assert keys == sorted(keys)
    assert score_terms(_counts(_documents()), limit=2) == terms[:2]


def test_no_term_starts_or_ends_with_a_particle():
    texts = ["的工作制度的落实和推进\n" * 2 + "工作制度的要求和标准"] * 4
    for term in score_terms(_counts(texts), min_count=2):
        assert term.text[0] not in "的了和与等及" and term.text[-1] not in "的了和与等及"


def test_particle_neighbour_counts_as_a_boundary():
    # 风清气正 is followed by 的 most of the time: still free on its right
    texts = ["营造风清气正的政治生态", "形成风清气正的良好氛围", "风清气正的干事环境", "推动风清气正"] * 2
    terms = {t.text for t in score_terms(_counts(texts), min_count=3, min_cohesion=1.0)}
    assert "风清气正" in terms


def test_rare_ngrams_are_not_terms():
    assert score_terms(_counts(["三会一课只出现两次：三会一课"])) == []


def test_length_limits():
    text = "\n".join(["坚持党建引领基层治理现代化"] * 5)
    assert all(3 <= len(t.text) <= 7 for t in score_terms(_counts([text] * 3), min_entropy=0))


def test_terms_do_not_depend_on_the_order_of_a_set():
    """Several n-grams grow into one phrase; which is met first (the candidates are a set,
    whose order changes with the interpreter's hash seed) must not change the result."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    script = ("import hashlib, pathlib\n"
              "from drafter.mining.terms import NgramCounts, count_documents, score_terms\n"
              "texts = [p.read_text(encoding='utf-8') for d in ('corpus', 'tests/data/messy_mining', "
              "'tests/data/real_world') for p in sorted(pathlib.Path(d).glob('*.txt'))]\n"
              "counts = NgramCounts(); count_documents(texts, counts)\n"
              "print(hashlib.sha256(repr(score_terms(counts, limit=400)).encode()).hexdigest())\n")
    results = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        results.add(done.stdout)
    assert len(results) == 1
