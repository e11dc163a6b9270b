"""Dictionary words (drafter/mining/pos.py): tags and frequencies, read in one pass."""
from __future__ import annotations

from drafter.mining import pos
from drafter.mining.pos import COMMON_FREQUENCY, DictionaryWords


def test_tags_and_frequencies_of_known_and_unknown_words():
    dictionary = DictionaryWords()
    assert dictionary.tags(["进一步", "发生", "三提三比"]) == {"进一步": "d", "发生": "v"}
    assert dictionary.tag("三提三比") == "" and dictionary.frequency("三提三比") == 0
    assert dictionary.frequency("发生") > COMMON_FREQUENCY > dictionary.frequency("党风廉政")


def test_expected_words_are_read_with_the_first_lookup(monkeypatch):
    reads = []
    real = pos._read_dictionary

    def counting(wanted):
        reads.append(set(wanted))
        return real(wanted)

    monkeypatch.setattr(pos, "_read_dictionary", counting)
    dictionary = DictionaryWords(["工作"])
    dictionary.expect(["发生", "进一步"])
    assert dictionary.tags(["下半年"]) == {"下半年": "t"}
    assert dictionary.tag("发生") == "v" and dictionary.tag("工作") == "vn" and dictionary.tag("进一步") == "d"
    assert len(reads) == 1 and reads[0] == {"工作", "发生", "进一步", "下半年"}
    dictionary.tag("统一")
    assert len(reads) == 2 and reads[1] == {"统一"}  # a word nobody announced costs another pass
