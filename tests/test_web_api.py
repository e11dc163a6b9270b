"""`drafter serve` at the API level: every endpoint behind the launch token, the
Origin and size checks; each answer what drafter.api gives, in Chinese."""
from __future__ import annotations

import copy
import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from drafter import api  # noqa: E402
from drafter.cli import main  # noqa: E402
from drafter.web.app import create_app  # noqa: E402
from drafter.web.corpus import safe_file_name  # noqa: E402
from drafter.web.security import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT / "corpus"
SEED = CORPUS / "000_928ffb1024447432.txt"
TOKEN = "launch-token-for-tests"
BASE = "http://127.0.0.1:8765"
API = {"X-Drafter": "1"}

ENDPOINTS = [("GET", "/"), ("GET", "/corpus"), ("GET", "/static/draft.js"), ("GET", "/api/form/new?kind=annual"),
             ("POST", "/api/form/kind?kind=debrief"), ("GET", "/api/hints?kind=annual"), ("POST", "/api/preview"),
             ("POST", "/api/check"), ("POST", "/api/download?format=docx"), ("POST", "/api/save"),
             ("POST", "/api/load?name=a.yaml"), ("POST", "/api/last-year?name=a.txt"), ("GET", "/api/phrases"),
             ("POST", "/api/corpus/upload?name=a.txt"), ("GET", "/api/corpus/mine"), ("POST", "/api/corpus/mine")]


def make_client(tmp_path: Path, *, corpus: Path | None = None, max_upload: int | None = None,
                authorised: bool = True) -> TestClient:
    settings = Settings(host="127.0.0.1", port=8765, token=TOKEN, corpus_dir=corpus, work_dir=tmp_path)
    if max_upload is not None:
        settings.max_upload = max_upload
    client = TestClient(create_app(settings), base_url=BASE, raise_server_exceptions=False)
    if authorised:
        client.cookies.set(settings.cookie, TOKEN)
    return client


@pytest.fixture()
def client(tmp_path) -> TestClient:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(CORPUS.glob("*.txt"))[:2]:
        shutil.copy(seed, corpus)
    work = tmp_path / "work"
    work.mkdir()
    with make_client(work, corpus=corpus) as found:
        yield found


def sample_form(name: str = "annual") -> dict:
    return api.load_form((SAMPLES / f"{name}.yaml").read_bytes(), f"{name}.yaml").form


def post_json(client: TestClient, url: str, body) -> object:
    return client.post(url, content=json.dumps(body, ensure_ascii=False).encode(), headers=API)


# -- the launch token, Host, Origin, size ----------------------------------------------------------

@pytest.mark.parametrize(("method", "url"), ENDPOINTS)
def test_every_endpoint_refuses_a_request_without_the_token(tmp_path, method, url):
    with make_client(tmp_path, authorised=False) as client:
        answer = client.request(method, url, headers=API, content=b"{}" if method == "POST" else None)
        assert answer.status_code == 403
        assert "令牌" in answer.text
        client.cookies.set("drafter_token_8765", "a-wrong-token")
        assert client.request(method, url, headers=API, content=b"{}" if method == "POST" else None).status_code == 403


def test_the_token_in_the_address_becomes_a_cookie(tmp_path):
    with make_client(tmp_path, authorised=False) as client:
        first = client.get(f"/?token={TOKEN}", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/"
        cookie = first.headers["set-cookie"]
        assert f"drafter_token_8765={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
        page = client.get("/")  # the cookie from now on
        assert page.status_code == 200 and "drafter 工作台" in page.text
        assert client.get("/api/hints?kind=annual").status_code == 200


def test_accepted_with_the_token_and_secured(client):
    page = client.get("/")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["cache-control"] == "no-store"
    assert "http" not in "".join(line for line in page.text.splitlines() if "src=" in line or "href=" in line)


def test_another_origin_is_refused(client):
    body = json.dumps(sample_form()).encode()
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "http://127.0.0.1:9999"}, {"Origin": "null"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}):
        answer = client.post("/api/preview", content=body, headers={**API, **headers})
        assert answer.status_code == 403 and "其他网页" in answer.json()["error"]
    same = client.post("/api/preview", content=body, headers={**API, "Origin": BASE, "Sec-Fetch-Site": "same-origin"})
    assert same.status_code == 200
    assert client.get("/", headers={"Sec-Fetch-Site": "none"}).status_code == 200  # typed in the address bar
    assert client.post("/api/preview", content=body).status_code == 403  # no X-Drafter: not the page's own script


def test_another_host_is_refused(client):
    answer = client.get("/", headers={"Host": "attacker.example:8765"})
    assert answer.status_code == 403


def test_an_oversized_upload_is_refused(tmp_path):
    with make_client(tmp_path) as client:
        big = b"x" * (20 * 1024 * 1024 + 1)
        answer = client.post("/api/load?name=big.yaml", content=big, headers=API)
        assert answer.status_code == 413 and "20 MB" in answer.json()["error"]
    with make_client(tmp_path, max_upload=1000) as small:
        def chunks():  # no Content-Length: counted while it arrives
            for _ in range(10):
                yield b"y" * 200
        answer = small.post("/api/load?name=big.yaml", content=chunks(), headers=API)
        assert answer.status_code == 413
        assert small.get("/api/hints?kind=annual").status_code == 200  # and the server runs on


# -- the form ----------------------------------------------------------------------------------------

def test_new_form_hints_and_kind_change(client):
    answer = client.get("/api/form/new?kind=半年总结").json()
    assert answer["form"]["kind"] == "half_year"
    assert [s["role"] for s in answer["form"]["sections"]] == answer["hints"]["roles"]
    form = answer["form"]
    form["unit"] = "甲支部"
    changed = post_json(client, "/api/form/kind?kind=report", form).json()
    assert changed["form"]["kind"] == "report" and changed["hints"]["common"] is True
    assert client.get("/api/form/new?kind=monthly").json()["error"].startswith("未知的文稿类型“monthly”")


def test_preview_shows_pages_and_escapes_user_text(client):
    form = sample_form()
    form["sections"][0]["entries"][0]["points"].append("<script>alert(1)</script>")
    answer = post_json(client, "/api/preview", form)
    assert answer.status_code == 200
    shown = answer.json()
    html = "".join(shown["pages"])
    assert len(shown["pages"]) >= 4 and all(p.startswith('<section class="page"') for p in shown["pages"])
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert shown["summary"]["sections"] == 4


def test_bad_input_in_a_field_is_the_clis_message_at_the_field(client, tmp_path):
    form = sample_form()
    form["date"] = "2025-13-45"
    answer = post_json(client, "/api/preview", form)
    assert answer.status_code == 400
    error = answer.json()
    assert error["path"] == "date"
    fill = tmp_path / "bad.yaml"
    fill.write_text(api.form_yaml(api.check_form(form)).text, encoding="utf-8")
    cli = CliRunner().invoke(main, ["draft", str(fill), "-o", str(tmp_path / "x.docx")])
    assert cli.exit_code == 2 and cli.output.strip().endswith(error["error"])  # the same words, without the line
    shape = copy.deepcopy(form)
    shape["sections"][0]["entries"] = "不是列表"
    wrong = post_json(client, "/api/preview", shape).json()
    assert wrong["path"] == "sections.0.entries" and "表单数据有误" in wrong["error"]
    assert client.post("/api/preview", content=b"{not json", headers=API).json()["error"] == "请求内容不是有效的 JSON"


def test_a_bad_yaml_upload_gets_the_clis_message(client, tmp_path):
    bad = "kind: annual\nunit: 甲\nyear: 2025\nsections:\n  achievements:\n   - heading: 一\n  - text: 二\n"
    answer = client.post("/api/load?name=bad.yaml", content=bad.encode(), headers=API)
    assert answer.status_code == 400
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    cli = CliRunner().invoke(main, ["draft", str(path), "-o", str(tmp_path / "x.docx")])
    assert cli.exit_code == 2
    expected = cli.output.strip().removeprefix("错误：").replace(str(path), "bad.yaml")
    assert answer.json()["error"] == expected and "第 7 行" in expected


def test_the_downloaded_draft_parses_back_as_drafter_draft_does(client, tmp_path):
    form = sample_form()
    answer = post_json(client, "/api/download?format=docx", form)
    assert answer.status_code == 200
    assert "filename*=UTF-8''" in answer.headers["content-disposition"]
    assert ".docx" in answer.headers["content-disposition"]
    downloaded = tmp_path / "downloaded.docx"
    downloaded.write_bytes(answer.content)
    drafted = tmp_path / "drafted.docx"
    api.draft(SAMPLES / "annual.yaml", drafted)
    assert api.parse_file(downloaded).to_dict()["sections"] == api.parse_file(drafted).to_dict()["sections"]
    for fmt in ("md", "txt"):
        text = post_json(client, f"/api/download?format={fmt}", form)
        assert text.status_code == 200 and "二、存在的主要问题" in text.content.decode("utf-8")
    assert post_json(client, "/api/download?format=pdf", form).status_code == 400


def test_save_and_load_round_trip_with_chinese_keys(client):
    form = sample_form("half_year")
    saved = post_json(client, "/api/save", form)
    assert saved.status_code == 200 and saved.headers["content-disposition"].count(".yaml") == 2
    text = saved.content.decode("utf-8")
    assert "类型: 半年总结" in text and "\nkind:" not in text
    loaded = client.post("/api/load?name=%E4%BF%9D%E5%AD%98.yaml", content=saved.content, headers=API).json()
    assert loaded["form"] == form


def test_last_years_document_becomes_this_years_form(client):
    answer = client.post("/api/last-year?name=2023年总结.txt&year=2025", content=SEED.read_bytes(), headers=API)
    assert answer.status_code == 200, answer.text
    found = answer.json()
    form = found["form"]
    assert form["year"] == "2025" and form["title"] == "2025年市水利局机关党委党建工作总结"
    assert form["notes"]["title"] == ["原文：2023年市水利局机关党委党建工作总结"]
    assert "X" in json.dumps(form, ensure_ascii=False) and "年份前移" in found["summary"]
    wrong = client.post("/api/last-year?name=a.pdf&year=2025", content=b"%PDF", headers=API)
    assert wrong.status_code == 400 and ".docx 或 .txt" in wrong.json()["error"]
    broken = client.post("/api/last-year?name=a.docx&year=2025", content=b"not a zip", headers=API)
    assert broken.status_code == 400 and broken.json()["error"].startswith("a.docx：")


def test_check_lists_findings_at_their_fields(client):
    form = sample_form()
    form["sections"][1]["entries"][0]["text"].append("全年开展谈心谈话X次。")
    answer = post_json(client, "/api/check", form).json()
    placeholder = [f for f in answer["findings"] if f["rule"] == "placeholder" and "X次" in f["text"]]
    assert placeholder and placeholder[0]["path"] == "sections.1.entries.0.text"
    assert placeholder[0]["severity_label"] in ("错误", "警告", "提示") and placeholder[0]["rule_label"] == "占位符"
    assert set(answer["summary"]) == {"errors", "warnings", "infos"}


def test_check_names_the_field_of_a_point_and_offers_its_fix(client):
    form = sample_form()
    form["sections"][0]["entries"][2]["points"][1] = "截止6月底完成支部换届"
    answer = post_json(client, "/api/check", form).json()
    wording = [f for f in answer["findings"] if f["rule"] == "wording"]
    assert len(wording) == 1, answer["findings"]
    assert wording[0]["path"] == "sections.0.entries.2.points" and wording[0]["fix"] == "截至"
    assert all("fix" in f for f in answer["findings"])


def test_phrase_search(client):
    found = client.get("/api/phrases?search=三会一课").json()["entries"]
    assert found and all("三会一课" in entry["text"] for entry in found)
    assert {"text", "type_label", "roles", "count", "docs", "example"} <= set(found[0])
    by_role = client.get("/api/phrases?role=存在问题&type=sentence").json()["entries"]
    assert by_role and all("存在问题" in entry["roles"] and entry["type_label"] == "常用句" for entry in by_role)
    by_topic = client.get("/api/phrases?topic=作风建设").json()["entries"]
    assert by_topic and all("作风建设" in entry["topics"] for entry in by_topic)
    sets = client.get("/api/phrases?type=标题组").json()["entries"]
    assert sets and all(len(entry["items"]) >= 2 and entry["structure"] for entry in sets)
    campaign = "“不忘初心、牢记使命”主题教育"
    then = client.get(f"/api/phrases?search={campaign}&year=2019").json()["entries"]
    now = client.get(f"/api/phrases?search={campaign}&year=2025").json()["entries"]
    assert campaign in [e["text"] for e in then] and campaign not in [e["text"] for e in now]  # the form's year
    bad = client.get("/api/phrases?role=天气")
    assert bad.status_code == 400 and bad.json()["error"].startswith("未知的章节角色“天气”")


def test_an_internal_error_is_one_line_and_the_server_runs_on(client, monkeypatch, capsys):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(api, "phrases", broken)
    answer = client.get("/api/phrases?search=x")
    assert answer.status_code == 500
    message = answer.json()["error"]
    assert "drafter 内部错误（RuntimeError: boom second line）" in message and "\n" not in message
    assert "Traceback" not in capsys.readouterr().err
    monkeypatch.undo()
    assert client.get("/api/phrases?search=三会一课").status_code == 200


# -- the corpus page ---------------------------------------------------------------------------------

def test_corpus_page_lists_files_with_kind_and_outline(client):
    page = client.get("/corpus")
    assert page.status_code == 200
    assert "000_928ffb1024447432.txt" in page.text and "年度总结" in page.text
    assert "主要工作开展情况" in page.text and "共 2 篇" in page.text


@pytest.mark.parametrize(("written", "stored"), [
    ("../../etc/passwd.txt", "passwd.txt"), ("C:\\Windows\\win.ini.txt", "win.ini.txt"), (".hidden.txt", "hidden.txt"),
    ("CON.txt", "范文_CON.txt"), ("a<b>c:d|e?.TXT", "abcde.txt"), ("~$锁定.docx", "锁定.docx"), ("报告. .txt", "报告.txt"),
])
def test_upload_names_are_sanitised(written, stored):
    assert safe_file_name(written) == stored


def test_upload_into_the_corpus_never_over_a_file_without_asking(client):
    corpus = Path(client.app.settings.corpus_dir)
    seed = SEED.read_bytes()
    first = client.post("/api/corpus/upload?name=../../逃出.txt", content=seed, headers=API)
    assert first.status_code == 200 and first.json()["stored"] == "逃出.txt"
    assert (corpus / "逃出.txt").read_bytes() == seed and not (corpus.parent / "逃出.txt").exists()
    other = (CORPUS / "001_56e93352d959f4eb.txt").read_bytes()
    again = client.post("/api/corpus/upload?name=逃出.txt", content=other, headers=API)
    assert again.status_code == 409 and again.json()["exists"] is True
    assert (corpus / "逃出.txt").read_bytes() == seed
    replaced = client.post("/api/corpus/upload?name=逃出.txt&overwrite=1", content=other, headers=API)
    assert replaced.status_code == 200 and (corpus / "逃出.txt").read_bytes() == other
    for name, data, words in (("x.pdf", b"%PDF-1.4", ".txt 或 .docx"), ("坏.docx", b"PK\x03\x04broken", "坏.docx")):
        refused = client.post(f"/api/corpus/upload?name={name}", content=data, headers=API)
        assert refused.status_code == 400 and words in refused.json()["error"]
    assert sorted(p.name for p in corpus.iterdir()) == sorted([*(p.name for p in sorted(CORPUS.glob("*.txt"))[:2]),
                                                               "逃出.txt"])


def test_no_uploads_without_a_corpus_folder(tmp_path):
    with make_client(tmp_path) as client:
        answer = client.post("/api/corpus/upload?name=a.txt", content=SEED.read_bytes(), headers=API)
        assert answer.status_code == 400 and "--corpus" in answer.json()["error"]


def test_re_mining_into_the_users_bank_with_progress(client, tmp_path, monkeypatch):
    from drafter.user_dirs import user_bank_dir

    monkeypatch.setenv("DRAFTER_DATA_DIR", str(tmp_path / "data"))  # the miner's process inherits it

    started = client.post("/api/corpus/mine", headers=API).json()
    assert started["started"] is True and started["state"] == "running"
    job = started
    for _ in range(300):
        job = client.get("/api/corpus/mine").json()
        if job["state"] != "running":
            break
        time.sleep(0.2)
    assert job["state"] == "done", job
    assert "已" in job["message"] and job["done"] == job["total"] > 0
    assert user_bank_dir() == tmp_path / "data" / "bank" and (user_bank_dir() / "phrases.yaml").is_file()


# -- the command ---------------------------------------------------------------------------------------

def test_serve_refuses_a_busy_port_and_a_missing_corpus(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--no-browser", "--port", str(port)])
    assert result.exit_code == 2 and f"端口 {port} 已被占用" in result.output
    assert len(result.output.strip().splitlines()) == 1
    missing = CliRunner().invoke(main, ["serve", "--no-browser", "--corpus", str(tmp_path / "无")])
    assert missing.exit_code == 2 and "范文库目录不存在" in missing.output


def test_serve_help_is_chinese():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for words in ("网页工作台", "--no-browser", "令牌", "127.0.0.1", "8765", "--corpus", "--bank"):
        assert words in result.output


def test_serve_prints_the_address_with_a_token_and_serves():
    """The real command: the address with this launch's token; opened with it, the page
    (the token turned into a cookie on the way); without it, refused; stopped cleanly."""
    import http.cookiejar
    import urllib.error
    import urllib.request

    process = subprocess.Popen([sys.executable, "-m", "drafter", "serve", "--no-browser", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        line = process.stdout.readline()
        assert line.startswith("drafter 工作台已启动：http://127.0.0.1:"), line
        url = line.split("：", 1)[1].strip()
        token = url.split("?token=")[1]
        assert len(token) >= 24
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        with browser.open(url, timeout=10) as page:
            assert page.status == 200 and page.url == url.split("?")[0]
            assert "drafter 工作台" in page.read().decode("utf-8")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url.split("?")[0], timeout=10)
        assert refused.value.code == 403
    finally:
        process.terminate()
        out, err = process.communicate(timeout=10)
    assert "drafter 工作台已停止。" in out and "Traceback" not in err
