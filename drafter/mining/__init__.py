"""Mining: section skeletons and phrase banks from a corpus (`drafter mine`).

Heavy modules (jieba, rjieba) are imported only inside the word-level step.
The per-document cache is described in `drafter.mining.cache`.
"""
from drafter.mining.report import MineReport
from drafter.mining.runner import mine_corpus

__all__ = ["MineReport", "mine_corpus"]
