"""A folder of hostile files, and the commands the hostile suite runs on each.

tests/test_hostile.py asserts that every run ends cleanly; bench/bench_hostile.py
times the same runs. Both build the files and the argument lists from here, so
the benchmark measures exactly what the suite asserts.
"""
from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "samples" / "annual.yaml").read_text(encoding="utf-8")
DOC = "2025年市档案馆党支部工作总结\n现将2025年工作总结如下：\n一、主要工作\n全年开展主题党日12次。\n二、存在问题\n学习不够深入。\n"

TEXT_COMMANDS = ["parse", "parse --json", "check", "check --json", "check --fix", "extract"]
FILL_COMMANDS = ["draft", "check"]
INIT_TARGET_NAMES = ["controls.txt", "gb18030.txt", "numbered_l1_120.txt"]


def chinese_numeral(n: int) -> str:
    """Chinese numerals written here on their own (not drafter's), up to 199."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n - 100
    tail = ("" if rest == 0 else "零" + digits[rest] if rest < 10
            else "一" + chinese_numeral(rest) if rest < 20 else chinese_numeral(rest))
    return "一百" + tail


def numbered_list(count: int, marker) -> str:
    return "2025年工作总结\n" + "\n".join(f"{marker(n)}第{n}项工作。正文。" for n in range(1, count + 1)) + "\n"


def docx_bytes(document_xml: bytes, compress: int = zipfile.ZIP_DEFLATED, part: str = "word/document.xml") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as package:  # a complete package: Word would open it
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                         'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                         'ContentType="application/xml"/><Override PartName="/' + part + '" ContentType="application/'
                         'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        package.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/officeDocument" Target="' + part + '"/></Relationships>')
        package.writestr(part, document_xml)
    return out.getvalue()


def paragraphs_xml(texts: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    return ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>").encode()


def hostile_texts() -> dict[str, bytes]:
    controls = "".join(chr(c) for c in range(32) if c not in (9, 10, 13)) + "\x7f" + "".join(chr(c) for c in range(0x80, 0xa0))
    files = {
        "spaces.txt": ("一、" + " " * 200_000 + "x\n").encode(),
        "ideographic_spaces.txt": ("一、" + "\u3000" * 200_000 + "x\n").encode(),
        "huge_line.txt": (DOC.replace("\n", "") * 20_000).encode(),
        "punctuation.txt": ("2025年工作总结\n" + "。，、；：！？" * 50_000 + "\n").encode(),
        "marker_soup.txt": ("一、（一）1.（1）一是二是三是三是是" * 20_000 + "\n").encode(),
        "controls.txt": (DOC + controls * 100 + "\n").encode(),
        "empty.txt": b"",
        "bom_only.txt": codecs.BOM_UTF8,
        "binary.txt": bytes(range(256)) * 400,
        "utf16le.txt": DOC.encode("utf-16-le"),
        "utf16be_bom.txt": codecs.BOM_UTF16_BE + DOC.encode("utf-16-be"),
        "utf32.txt": DOC.encode("utf-32"),
        "gb18030.txt": DOC.encode("gb18030"),
        "big5.txt": "年度工作總結\n一、主要工作\n開展學習。\n".encode("big5"),
        "latin1.txt": "caf\xe9 r\xe9sum\xe9 \xff\xfe".encode("latin-1") * 50,
        "lone_surrogates.txt": b"\xed\xa0\x80\xed\xb0\x80" * 100 + DOC.encode(),
        "zip_named_txt.txt": docx_bytes(paragraphs_xml(["一、情况", "正文"])),
        "not_a_docx.docx": DOC.encode(),
        "truncated.docx": docx_bytes(paragraphs_xml(["一、情况", "正文"]))[:300],
        "zip_bomb.docx": docx_bytes(paragraphs_xml(["一、情况"]) + b" " * 300_000_000),
        "renamed_bomb.docx": docx_bytes(paragraphs_xml(["一、情况"]) + b" " * 100_000_000, part="word/document.bin"),
        "xxe.docx": docx_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                               b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                               b"<w:body><w:p><w:r><w:t>" + "2025年工作总结".encode() + b"</w:t></w:r></w:p>"
                               b"<w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"),
        "deep_xml.docx": docx_bytes(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                                    b'wordprocessingml/2006/main"><w:body>' + b"<w:p>" * 5000 + b"</w:p>" * 5000
                                    + b"</w:body></w:document>"),
    }
    for level, marker in (("l1", lambda n: f"{chinese_numeral(n)}、"), ("l2", lambda n: f"（{chinese_numeral(n)}）"),
                          ("l3", lambda n: f"{n}."), ("l4", lambda n: f"（{n}）")):
        for count in (99, 100, 101, 120):
            files[f"numbered_{level}_{count}.txt"] = numbered_list(count, marker).encode()
    for count in (99, 100, 101, 120):
        items = "".join(f"{chinese_numeral(n)}是做好第{n}项工作。" for n in range(1, count + 1))
        files[f"items_{count}.txt"] = f"2025年工作总结\n一、主要工作\n{items}\n".encode()
    return files


def hostile_fills() -> dict[str, bytes]:
    anchors = ['a0: &a0 ["笑笑笑笑笑笑笑笑笑笑"]'] + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]"
                                                     for n in range(1, 9)]
    refs = "\n".join("  - *big" for _ in range(100))
    items = "\n".join("    - points: *pts" for _ in range(100))
    return {
        "alias_bomb.yaml": ("\n".join(anchors) + "\n" + SAMPLE).encode(),
        # 33 KB: one 10,000-character string, referenced 100 times in a list that 100 items reuse
        "alias_points.yaml": (f"kind: annual\nunit: 某单位\nyear: 2025\nx: &big '{'字' * 10000}'\npts: &pts\n{refs}\n"
                              f"sections:\n  achievements:\n{items}\n").encode(),
        "deep_flow.yaml": ("kind: annual\nunit: 某单位\nyear: 2025\nsections: " + "[" * 1000 + "]" * 1000 + "\n").encode(),
        "deep_block.yaml": (SAMPLE + "".join(" " * i + "a:\n" for i in range(300))).encode(),
        "binary_tag.yaml": b"kind: annual\nunit: !!binary aGVsbG8=\nyear: 2025\n",
        "python_tag.yaml": b"kind: !!python/object/apply:os.system ['echo hi']\nunit: x\nyear: 2025\n",
        "controls.yaml": (SAMPLE.replace("unit:", "unit: \x00\x07\x1b") + "\n").encode(),
        "utf16.yaml": SAMPLE.encode("utf-16"),
        "gbk.yaml": SAMPLE.encode("gb18030"),
        "huge_value.yaml": ("kind: annual\nunit: 某单位\nyear: 2025\nopening: " + "字" * 3_000_000 + "\n").encode(),
        "many_items.yaml": ("kind: annual\nunit: 某单位\nyear: 2025\nsections:\n  problems:\n    points:\n"
                            + "".join(f"      - 第{n}个问题。\n" for n in range(150))).encode(),
        "template_code.yaml": b"kind: annual\nunit: '{{ 7*7 }}{% for x in range(10**9) %}x{% endfor %}'\nyear: 2025\n",
        "null_everything.yaml": b"kind:\nunit:\nyear:\nsections:\n",
        "a_list.yaml": b"- kind: annual\n- unit: x\n",
        "docx_named_yaml.yaml": docx_bytes(paragraphs_xml(["x"])),
        "empty.yaml": b"",
    }


def write_hostile_folder(root: Path) -> Path:
    """Every hostile text and fill file, written into root (which must exist)."""
    for name, data in {**hostile_texts(), **hostile_fills()}.items():
        (root / name).write_bytes(data)
    return root


def text_command_args(command: str, path: Path, out_dir: Path) -> list[str]:
    """drafter's arguments for one of TEXT_COMMANDS on a hostile text; outputs go to out_dir."""
    args = command.split() + [str(path)]
    if command == "extract":
        args += ["-o", str(out_dir / "out.yaml"), "--year", "2026"]
    if command == "check --fix":
        args += ["-o", str(out_dir / ("out" + path.suffix))]
    return args


def fill_command_args(command: str, path: Path, out_dir: Path) -> list[str]:
    """drafter's arguments for one of FILL_COMMANDS on a hostile fill file; outputs go to out_dir."""
    return [command, str(path)] + (["-o", str(out_dir / "out.docx")] if command == "draft" else [])


def mine_args(folder: Path, out_dir: Path) -> list[str]:
    """drafter's arguments to mine the whole hostile folder, in one process."""
    return ["mine", str(folder), "-o", str(out_dir / "bank"), "--cache-dir", str(out_dir / "cache"), "-j", "1"]


def init_target(out_dir: Path, name: str) -> Path:
    """A fill file name made from a hostile file's name, with an emoji and a space in it."""
    return out_dir / (name.replace(".txt", "") + " 😀 填写.yaml")


def init_args(target: Path) -> list[str]:
    return ["init", "--kind", "annual", "-o", str(target)]
