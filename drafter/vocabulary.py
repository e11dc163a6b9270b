"""The one vocabulary: document kinds, section roles, heading levels, bank entry
types and topics, each with its English id, the one Chinese name every command
shows, and the other spellings every command accepts.

Everything that names or accepts a kind, role, type or topic goes through the
tables here: `drafter parse`, `phrases`, `skeletons`, `init`, `draft`, `check`,
`extract`, `mine`, the fill-file reader and the bank files.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from drafter.errors import DrafterError

# How bad a finding of `drafter check` is (the proofreaders' 必错 / 疑似 / 提示).
ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)


@dataclass(frozen=True)
class Name:
    id: str
    label: str                        # the Chinese name shown everywhere
    aliases: tuple[str, ...] = ()     # other spellings accepted on input


class Vocabulary(Sequence):
    """An ordered set of ids (iterates, indexes and tests membership like a tuple of
    ids) that also knows their Chinese names and accepted spellings."""

    def __init__(self, what: str, names: list[Name]) -> None:
        self.what = what  # 文稿类型, 章节角色 … as used in messages
        self.names = {name.id: name for name in names}
        self._ids = tuple(self.names)
        self._spellings: dict[str, str] = {}
        for name in names:
            for spelling in (name.id, name.label, *name.aliases):
                self._spellings.setdefault(spelling.lower(), name.id)

    # -- a tuple of ids ----------------------------------------------------------

    def __getitem__(self, index):
        return self._ids[index]

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __contains__(self, value: object) -> bool:
        return value in self.names

    def __repr__(self) -> str:
        return f"Vocabulary({self.what!r}, {self._ids!r})"

    # -- names -------------------------------------------------------------------

    def label(self, id: str | None) -> str:
        """The Chinese name of an id (an unknown id is shown as written)."""
        if id is None:
            return ""
        name = self.names.get(id)
        return name.label if name else id

    def spellings(self) -> dict[str, str]:
        """Every accepted spelling (lower-cased) -> id."""
        return dict(self._spellings)

    def lookup(self, written: str | None) -> str | None:
        """The id for an id, its Chinese name or an alias (case and spaces ignored); None if unknown."""
        if written is None:
            return None
        return self._spellings.get(str(written).strip().lower())

    def parse(self, written: str | None, *, key: str | None = None, path: str | None = None,
              line: int | None = None, allowed: Sequence[str] | None = None) -> str | None:
        """lookup(), or a DrafterError listing the choices; None stays None."""
        if written is None:
            return None
        found = self.lookup(written)
        if found is None or (allowed is not None and found not in allowed):
            choices = self.choices(allowed)
            what = f"未知的{self.what}" if found is None else f"没有可用的{self.what}"
            raise DrafterError(f"{what}“{written}”，可选：{choices}", key=key, path=path, line=line)
        return found

    def choices(self, ids: Sequence[str] | None = None) -> str:
        """annual（年度总结）、half_year（半年总结）…: for help texts and messages."""
        return "、".join(f"{id}（{self.label(id)}）" for id in (self._ids if ids is None else ids))


KINDS = Vocabulary("文稿类型", [
    Name("annual", "年度总结", ("年终总结", "年度工作总结", "党建工作总结", "工作总结")),
    Name("half_year", "半年总结", ("半年汇报", "上半年总结", "半年工作总结", "半年工作汇报", "上半年工作总结")),
    Name("debrief", "述职报告", ("述职", "述职述廉报告", "述责述廉报告")),
    Name("report", "工作报告", ("政府工作报告", "情况报告", "工作汇报", "情况汇报")),
    Name("experience", "经验材料", ("经验交流", "经验交流材料", "典型材料")),
    Name("other", "其他", ("其他材料",)),
])

# In the order a summary usually has them.
ROLES = Vocabulary("章节角色", [
    Name("achievements", "主要工作", ("主要成绩", "工作成效", "主要做法", "工作开展情况", "主要成效")),
    Name("problems", "存在问题", ("存在的问题", "问题不足", "不足之处")),
    Name("causes", "原因分析", ("问题原因", "原因剖析")),
    Name("experience", "经验体会", ("经验启示", "体会")),
    Name("plans", "下步计划", ("下步打算", "工作计划", "下一步工作", "下步工作")),
    Name("other", "其他", ("其他事项",)),
])

TYPES = Vocabulary("语库类型", [
    Name("set_phrase", "提法", ("固定提法", "规范提法", "term")),
    Name("collocation", "动词搭配", ("搭配",)),
    Name("word", "常用词", ("词语",)),
    Name("pattern", "句式", ()),
    Name("heading", "标题", ("标题对仗句",)),
    Name("heading_set", "标题组", ("成组标题",)),
    Name("sentence", "常用句", ("句子",)),
])

# Where a bank entry comes from: the curated lexicon, or the user's corpus.
SOURCES = Vocabulary("来源", [
    Name("lexicon", "规范", ("提法库",)),
    Name("corpus", "语料", ("范文库",)),
])

TOPICS = Vocabulary("主题", [
    Name("politics", "政治建设", ()),
    Name("theory", "思想建设", ("理论武装",)),
    Name("organization", "组织建设", ()),
    Name("conduct", "作风建设", ()),
    Name("discipline", "纪律建设", ("党风廉政", "党风廉政建设")),
    Name("ideology", "意识形态", ()),
    Name("institutions", "制度建设", ()),
    Name("integration", "党建业务融合", ("党建与业务融合",)),
    Name("service", "为民服务", ()),
    Name("safety", "安全稳定", ()),
])

# The rules of `drafter check`, in the order their findings are listed (`--only`, `--disable`).
CHECK_RULES = Vocabulary("检查规则", [
    Name("placeholder", "占位符", ()),
    Name("masked_text", "屏蔽字", ("屏蔽", "被屏蔽的文字")),
    Name("numbering", "序号", ()),
    Name("year_mismatch", "年份不符", ("年份",)),
    Name("stale_term", "过时提法", ()),
    Name("naming", "称谓与提法", ("称谓", "提法")),
    Name("renamed_body", "机构更名", ("机构名称",)),
    Name("wording", "用词", ()),
    Name("punctuation", "标点", ("标点符号",)),
    Name("numbers", "数字", ("数字用法",)),
    Name("originality", "照抄", ("照抄范文",)),
    Name("structure", "结构", ()),
    Name("suggestion_kept", "保留参考写法", ("参考写法",)),
])

LEVELS = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}
