"""Make a synthetic corpus for the mining benchmark by recombining seed paragraphs.

Run:  python bench/make_synthetic_corpus.py --docs 2000 --out bench/_work/corpus_2000 [--seed 7]

Each document takes the shape of a real work summary (title, opening,
一、… sections with （一） headings or 一是 items, plans, signature, date)
and is filled with paragraphs of the five seeds, drawn by role with a fixed
random seed, so that the same arguments always give the same files. About one
document in ten carries the seeds' web noise (paid-site markers, ads, the
password line) so that cleaning runs at scale too. Every 50th document is
written as .docx. Average size is about 3,000 characters.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.parsing import parse_file  # noqa: E402

NUMERALS = "一二三四五六七八九十"
UNITS = ["市水利局机关党委", "区市政中心党组", "XX局", "县交通运输局党支部", "市X局", "区卫生健康委党组",
         "市自然资源局机关党委", "XX街道党工委", "区教育局党组", "市统计局党支部"]
NOISE_TOP = ["本文系作者原创投稿，仅供学习参考，请勿照搬照抄！"]
NOISE_BOTTOM = [
    "【哒哒素材库】——每天更新材料1000多篇内部高质量素材，会员群+网盘群同步每日更新，"
    "一键精准搜索、一键快速查找、一键极速下载，有意加入请联系：1 4367，：9 649564",
    "本文档编辑密码：wsx2023",
]


def seed_pools(corpus: Path) -> dict:
    """Paragraphs, items and headings of the seeds, by role."""
    pools: dict = {"openings": [], "closings": []}
    for path in sorted(corpus.glob("*.txt")):
        doc = parse_file(path)
        if doc.opening:
            pools["openings"].append(doc.opening.split("\n")[0])
        if doc.closing:
            pools["closings"].append(doc.closing.split("\n")[0])
        for section in doc.sections:
            role = section.role or "other"
            pool = pools.setdefault(role, {"l1": [], "l2": [], "text": []})
            pool["l1"].append(section.heading)
            for node in section.walk():
                if node is not section and node.heading and node.level == 2:
                    pool["l2"].append(node.heading)
                pool["text"].extend(p for p in node.paragraphs if len(p) > 20)
                pool["text"].extend(i for i in node.items if len(i) > 10)
    return pools


def _year_text(text: str, year: int) -> str:
    for old in range(2018, 2026):
        text = text.replace(f"{old}年", f"{year}年")
    return text


def make_document(pools: dict, rng: random.Random) -> tuple[str, str]:
    year = rng.randint(2019, 2024)
    unit = rng.choice(UNITS)
    kind = rng.choices(["annual", "half_year", "debrief"], weights=[6, 2, 2])[0]
    if kind == "annual":
        title = f"{year}年{unit}党建工作总结"
        lead = f"现将{year}年工作总结如下："
    elif kind == "half_year":
        title = f"{unit}{year}年上半年党建工作情况汇报"
        lead = f"现将{year}年上半年工作情况汇报如下："
    else:
        title = f"{year}年党支部书记抓基层党建工作述职报告"
        lead = f"现将{year}年履行职责情况报告如下："
    lines = []
    if rng.random() < 0.1:
        lines.append(rng.choice(NOISE_TOP))
    lines.append(title)
    opening = _year_text(rng.choice(pools["openings"]), year)
    lines.append(opening if opening.endswith(("：", ":")) else opening + lead)
    roles = ["achievements", "problems"]
    if "causes" in pools and rng.random() < 0.3:
        roles.append("causes")
    roles.append("plans")
    for number, role in enumerate(roles):
        pool = pools[role]
        heading = _year_text(rng.choice(pool["l1"]), year if role != "plans" else year + 1)
        if role == "plans" and "年" in heading and not heading.startswith(str(year + 1)):
            heading = f"{year + 1}年工作计划"
        lines.append(f"{NUMERALS[number]}、{heading}")
        if role == "achievements":
            for sub in range(rng.randint(4, 7)):
                lines.append(f"（{NUMERALS[sub]}）{rng.choice(pool['l2'])}")
                for _ in range(rng.randint(1, 3)):
                    lines.append(_year_text(rng.choice(pool["text"]), year))
        else:
            for item in range(rng.randint(3, 5)):
                lines.append(f"{NUMERALS[item]}是{_year_text(rng.choice(pool['text']), year)}")
    if pools["closings"] and rng.random() < 0.3:
        lines.append(rng.choice(pools["closings"]))
    lines.append(unit)
    lines.append(f"{year + 1}年1月{rng.randint(5, 28)}日")
    if rng.random() < 0.1:
        lines.extend(NOISE_BOTTOM)
    return kind, "\n".join(lines) + "\n"


def write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)


def make_corpus(out: Path, docs: int, seed: int = 7, corpus: Path = ROOT / "corpus") -> int:
    """Write `docs` documents into `out` (emptied first); returns the characters written."""
    pools = seed_pools(corpus)
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    chars = 0
    for index in range(docs):
        _kind, text = make_document(pools, rng)
        chars += len(text)
        folder = out / f"{index // 1000:02d}"  # a few sub-folders, as real collections have
        folder.mkdir(exist_ok=True)
        if index % 50 == 49:
            write_docx(folder / f"doc_{index:05d}.docx", text)
        else:
            (folder / f"doc_{index:05d}.txt").write_text(text, encoding="utf-8")
    return chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "_work" / "corpus_2000")
    args = parser.parse_args()
    chars = make_corpus(args.out, args.docs, args.seed)
    print(f"{args.docs} documents, {chars} characters → {args.out}")


if __name__ == "__main__":
    main()
