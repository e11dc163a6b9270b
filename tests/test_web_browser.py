"""The workbench in a real Chromium: Debian's `chromium`, driven through Debian's
`chromium-driver` by Selenium. Nothing is downloaded: both come from the system.
Skipped only where they are missing, and never when the CI variable is set.

Screenshots of the draft page and the preview go to $DRAFTER_SCREENSHOTS (or the
test's temp folder), never into the repository."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from drafter import api
from word_files import word_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "000_928ffb1024447432.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT = 20
YELLOW = "rgba(255, 255, 0, 1)"


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException, TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - the test extra installs it
    webdriver = None


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if webdriver is None:
        _unavailable("selenium is not installed (pip install '.[test]')")
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        _unavailable("Debian's chromium and chromium-driver are not installed")
    corpus = tmp_path_factory.mktemp("corpus")
    for seed in sorted(CORPUS.glob("*.txt"))[:2]:
        shutil.copy(seed, corpus)
    data = tmp_path_factory.mktemp("data")  # re-mining writes the user's bank here, not the suite's
    process = subprocess.Popen([sys.executable, "-m", "drafter", "serve", "--no-browser", "--port", "0",
                                "--corpus", str(corpus)], env={**os.environ, "DRAFTER_DATA_DIR": str(data)},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    line = process.stdout.readline()
    found = re.search(r"http://\S+\?token=\S+", line)
    if not found:
        process.kill()
        pytest.fail(f"drafter serve did not start: {line}{process.stderr.read()}")
    yield found.group(0)
    process.terminate()
    out, err = process.communicate(timeout=15)
    assert "Traceback" not in err, err


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(server, downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="drafter-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1600,1000", "--lang=zh-CN"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.get(server)  # the token becomes a cookie; from now on the plain address
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("DRAFTER_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    assert ROOT not in path.resolve().parents, "screenshots stay out of the repository"
    return path


# -- helpers --------------------------------------------------------------------------------------

def wait_for(driver, condition, timeout=WAIT, message=""):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d), message)


def one(driver, css):
    return driver.find_element(By.CSS_SELECTOR, css)


def field(driver, path):
    return one(driver, f"[data-path='{path}']")


def texts(driver, css) -> list[str]:
    """The text of every element matching css, read at one moment (lists are redrawn whole)."""
    return driver.execute_script("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", css)


def previews(driver) -> int:
    return driver.execute_script("return window.drafterWorkbench.state.previews")


def type_into(driver, path, text, clear=False):
    element = field(driver, path)
    if clear:
        element.clear()
    element.send_keys(text)
    return element


def settle(driver):
    """Until the preview has caught up with everything typed."""
    def idle(d):
        state = d.execute_script("const s = window.drafterWorkbench.state; return [s.previewBusy, s.previewAgain]")
        return state == [False, False]
    time.sleep(0.15)
    wait_for(driver, idle, message="the preview never settled")


def preview_text(driver) -> str:
    return driver.execute_script("return document.querySelector('#preview').innerText")


def fresh_form(driver, server, kind="annual"):
    driver.get(server.split("?")[0])
    driver.execute_script("localStorage.clear()")
    driver.get(server.split("?")[0])
    wait_for(driver, lambda d: one(d, "#kind-dialog").get_attribute("open") is not None)
    one(driver, f"#kind-dialog button[value='{kind}']").click()
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#sections .panel"))
    settle(driver)


def upload_last_year(driver, source: Path, year: str = "2025") -> None:
    """Open 沿用去年, pick `source`, move it on to `year` and start."""
    one(driver, "[data-command='last-year']").click()
    one(driver, "#last-year-file").send_keys(str(source))
    box = one(driver, "#last-year-year")
    box.clear()
    box.send_keys(year)
    one(driver, "#last-year-go").click()


def accept_confirm(driver):
    try:
        WebDriverWait(driver, 10, ignored_exceptions=(NoAlertPresentException,)).until(
            lambda d: d.switch_to.alert).accept()
    except TimeoutException:
        pass


# -- a user's afternoon ---------------------------------------------------------------------------------

def test_draft_a_summary_insert_a_phrase_check_and_download(browser, server, downloads, shots):
    driver = browser
    fresh_form(driver, server, "annual")
    assert [p.get_attribute("data-role") for p in driver.find_elements(By.CSS_SELECTOR, ".panel")] == \
        [s["role"] for s in api.skeletons(kind="annual")[0]["sections"]]
    type_into(driver, "unit", "县供销社党支部")
    type_into(driver, "year", "2025", clear=True)

    achievements = one(driver, ".panel[data-role='achievements']")
    for number, (heading, points) in enumerate((("强化理论武装，筑牢思想根基", "全年集中学习X次。\n开展专题研讨6次。"),
                                                 ("夯实组织基础，提升组织力", "截止6月底按期完成支部换届。\n发展党员2名。"))):
        achievements.find_element(By.CSS_SELECTOR, "[data-action='add-entry']").click()
        type_into(driver, f"sections.0.entries.{number}.heading", heading)
        type_into(driver, f"sections.0.entries.{number}.points", points)
        achievements = one(driver, ".panel[data-role='achievements']")

    # a phrase from the search panel, inserted at the cursor of the field being edited
    target = type_into(driver, "sections.0.entries.0.text", "坚持")
    one(driver, "#phrase-search").send_keys("三会一课")
    wait_for(driver, lambda d: (found := texts(d, "#phrase-list .phrase-text")) and all("三会一课" in t for t in found))
    first = one(driver, "#phrase-list .phrase")
    phrase = first.find_element(By.CSS_SELECTOR, ".phrase-text").text
    assert "三会一课" in phrase
    target.click()
    first.find_element(By.CSS_SELECTOR, ".insert").click()
    assert field(driver, "sections.0.entries.0.text").get_attribute("value") == "坚持" + phrase
    settle(driver)

    # the preview: numbered as the .docx, the empty causes part a yellow 【待补充】
    shown = preview_text(driver)
    assert "一、" in shown and "（一）强化理论武装，筑牢思想根基" in shown and "（二）夯实组织基础，提升组织力" in shown
    assert "一是全年集中学习X次。" in shown and ("坚持" + phrase)[:10] in shown.replace("\n", "")
    assert "三、原因分析" in shown
    gaps = [m for m in driver.find_elements(By.CSS_SELECTOR, "#preview .mark") if "【待补充】" in m.text]
    assert gaps and gaps[0].value_of_css_property("background-color") == YELLOW
    x_marks = [m for m in driver.find_elements(By.CSS_SELECTOR, "#preview .mark") if m.text == "X"]
    assert x_marks
    pages = driver.find_elements(By.CSS_SELECTOR, "#preview .page")
    width, height = pages[0].size["width"], pages[0].size["height"]
    assert abs(height / width - 297 / 210) < 0.01  # A4
    lines = pages[0].find_elements(By.CSS_SELECTOR, ".ln")
    assert len(lines) <= 22
    driver.save_screenshot(str(shots / "draft-page.png"))
    one(driver, "#preview").screenshot(str(shots / "preview.png"))

    # check: findings listed; one click scrolls to its field and highlights it
    one(driver, "[data-command='check']").click()
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#findings .finding"), timeout=60)
    finding = next(f for f in driver.find_elements(By.CSS_SELECTOR, "#findings .finding")
                   if (f.get_attribute("data-path") or "").startswith("sections.0.entries.0"))
    path = finding.get_attribute("data-path")
    finding.click()
    time.sleep(0.3)
    highlighted = driver.find_elements(By.CSS_SELECTOR, ".flash")
    assert highlighted and any(path.startswith(h.get_attribute("data-path") or h.get_attribute("data-container") or "-")
                               for h in highlighted)
    active = driver.switch_to.active_element.get_attribute("data-path") or ""
    assert path.startswith(active) or active.startswith(path)
    driver.save_screenshot(str(shots / "check.png"))
    fixes = [f for f in driver.find_elements(By.CSS_SELECTOR, "#findings .finding")
             if f.find_elements(By.CSS_SELECTOR, ".finding-fix")]
    assert [f.find_element(By.CSS_SELECTOR, ".finding-fix").text for f in fixes] == ["建议改为：截至"]
    assert fixes[0].get_attribute("data-path") == "sections.0.entries.1.points"

    # download the .docx and read it back
    for old in downloads.iterdir():
        old.unlink()
    one(driver, "[data-command='download'][data-format='docx']").click()
    wait_for(driver, lambda d: [p for p in downloads.iterdir() if p.suffix == ".docx"], timeout=30)
    document = api.parse_file(next(p for p in downloads.iterdir() if p.suffix == ".docx"))
    assert document.title == "2025年县供销社党支部党建工作总结"
    headings = [s.heading for s in document.sections[0].children]
    assert headings == ["强化理论武装，筑牢思想根基", "夯实组织基础，提升组织力"]
    assert any(phrase in p for p in document.sections[0].children[0].paragraphs)


def test_last_years_document_prefills_the_form(browser, server, shots):
    driver = browser
    fresh_form(driver, server, "annual")
    type_into(driver, "unit", "甲")  # something to replace: the page asks first
    upload_last_year(driver, SEED)
    accept_confirm(driver)
    wait_for(driver, lambda d: field(d, "title").get_attribute("value").startswith("2025年"), timeout=30)
    assert field(driver, "title").get_attribute("value") == "2025年市水利局机关党委党建工作总结"
    assert field(driver, "year").get_attribute("value") == "2025"
    assert field(driver, "unit").get_attribute("value") == "市水利局机关党委"
    notes = [n.text for n in driver.find_elements(By.CSS_SELECTOR, ".notes li")]
    assert "原文：2023年市水利局机关党委党建工作总结" in notes and any(re.search(r"原文：.*\d", n) for n in notes)
    assert "年份前移" in one(driver, "#banner").text
    settle(driver)
    assert any(m.text.startswith("X") for m in driver.find_elements(By.CSS_SELECTOR, "#preview .mark"))
    driver.save_screenshot(str(shots / "last-year.png"))


def test_last_years_word_table_comes_back_with_its_figures_noted(browser, server, tmp_path, shots):
    source = word_file(tmp_path / "2024年总结.docx", [
        "县档案馆2024年工作总结", "一、主要工作", "全年完成各项任务。", "表1  2024年主要指标完成情况",
        [["指标", "目标", "完成"], ["接收档案（卷）", "3000", "3200"]], "二、下一步工作计划", "继续做好各项工作。"])

    driver = browser
    fresh_form(driver, server, "annual")
    upload_last_year(driver, source)
    wait_for(driver, lambda d: field(d, "title").get_attribute("value") == "县档案馆2025年工作总结", timeout=30)
    rows = field(driver, "sections.0.table.rows").get_attribute("value")
    assert rows.splitlines()[1].replace(" ", "") == "接收档案（卷）|X|X"
    notes = [n.text for n in driver.find_elements(By.CSS_SELECTOR, ".table-box .notes li")]  # spaces shown as one
    assert notes == ["表题　原文：表1 2024年主要指标完成情况", "第2行第2格　原文：3000", "第2行第3格　原文：3200"]
    one(driver, ".table-box").screenshot(str(shots / "last-year-table.png"))


def test_last_years_cell_notes_follow_their_rows_when_rows_are_added_and_deleted(browser, server, downloads,
                                                                                 tmp_path):
    """Each # 原文： note of a table cell stays with its row (found by the row's first cell) when a
    row is typed in above it or deleted: shown under the table and saved above the right cell."""
    from selenium.webdriver.common.keys import Keys

    rows = [["指标", "目标", "完成"], ["接收档案（卷）", "3000", "3200"], ["查阅利用（人次）", "800", "860"]]
    source = word_file(tmp_path / "2024年总结.docx", [
        "县档案馆2024年工作总结", "一、主要工作", "全年完成各项任务。", "表1 主要指标完成情况",
        rows, "二、下一步工作计划", "继续做好各项工作。"])

    driver = browser
    fresh_form(driver, server, "annual")
    upload_last_year(driver, source)
    wait_for(driver, lambda d: field(d, "title").get_attribute("value") == "县档案馆2025年工作总结", timeout=30)
    def cell_notes(d):
        return [n for n in texts(d, ".table-box .notes li") if not n.startswith("表题")]

    assert cell_notes(driver) == ["第2行第2格　原文：3000", "第2行第3格　原文：3200",
                                  "第3行第2格　原文：800", "第3行第3格　原文：860"]

    # a row typed in at the second line: the notes below it move down with their rows
    rows = field(driver, "sections.0.table.rows")
    rows.click()
    rows.send_keys(Keys.CONTROL, Keys.HOME)
    rows.send_keys(Keys.END, Keys.ENTER, "新增指标 | X | X")
    wait_for(driver, lambda d: cell_notes(d) == ["第3行第2格　原文：3000", "第3行第3格　原文：3200",
                                                 "第4行第2格　原文：800", "第4行第3格　原文：860"],
             message="the notes did not follow their rows")

    # the row of 接收档案 deleted: its notes go, those of 查阅利用 move up to it
    value = rows.get_attribute("value").splitlines()
    assert value[2].startswith("接收档案")
    driver.execute_script("arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                          rows, "\n".join(value[:2] + value[3:]))
    wait_for(driver, lambda d: cell_notes(d) == ["第3行第2格　原文：800", "第3行第3格　原文：860"])

    # saved: each note above a cell of its own row
    settle(driver)
    for old in downloads.iterdir():
        old.unlink()
    one(driver, "[data-command='save']").click()
    wait_for(driver, lambda d: [p for p in downloads.iterdir() if p.suffix == ".yaml"], timeout=30)
    saved = next(p for p in downloads.iterdir() if p.suffix == ".yaml").read_text(encoding="utf-8")
    lines = [line.strip() for line in saved.splitlines()]
    after = lines.index("- 查阅利用（人次）")
    assert lines[after + 1:after + 5] == ["# 原文：800", "- X", "# 原文：860", "- X"]
    assert "# 原文：3000" not in lines and "# 原文：3200" not in lines
    added = lines.index("- 新增指标")
    assert lines[added + 1:added + 3] == ["- X", "- X"]


def test_a_script_typed_in_a_field_is_shown_as_text(browser, server, shots):
    driver = browser
    fresh_form(driver, server, "debrief")
    type_into(driver, "unit", "乙单位")
    hostile = "<script>alert(1)</script>"
    one(driver, ".panel [data-action='add-entry']").click()
    type_into(driver, "sections.0.entries.0.heading", hostile)
    type_into(driver, "title", hostile + "<img src=x onerror=alert(2)>")
    settle(driver)
    shown = preview_text(driver)
    assert hostile in shown and "（一）" + hostile in shown
    assert "<img src=x onerror=alert(2)>" in shown.replace("\n", " ")  # the long title breaks at its space
    assert not driver.find_elements(By.CSS_SELECTOR, "#preview script, #preview img")
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    assert field(driver, "sections.0.entries.0.heading").get_attribute("value") == hostile


def test_bad_input_is_shown_next_to_its_field(browser, server):
    driver = browser
    fresh_form(driver, server, "annual")
    type_into(driver, "unit", "丙单位")
    type_into(driver, "date", "2025-13-45")
    settle(driver)
    error = wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#form-pane .field-error"))[0]
    assert "日期" in error.text and "2025-13-45" in error.text
    date_field = field(driver, "date").find_element(By.XPATH, "./ancestor::label")
    assert driver.execute_script("return arguments[0].nextElementSibling === arguments[1]", date_field, error)
    type_into(driver, "date", "\b\b\b\b\b2-26")
    settle(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "#form-pane .field-error")


def test_the_form_survives_closing_the_tab(browser, server):
    driver = browser
    fresh_form(driver, server, "half_year")
    type_into(driver, "unit", "丁中心党支部")
    one(driver, ".panel [data-action='add-entry']").click()
    type_into(driver, "sections.0.entries.0.heading", "以学习教育为牵引")
    time.sleep(0.8)  # autosave waits 300 ms after the last keystroke
    driver.get(server.split("?")[0])
    wait_for(driver, lambda d: field(d, "unit").get_attribute("value") == "丁中心党支部")
    assert field(driver, "sections.0.entries.0.heading").get_attribute("value") == "以学习教育为牵引"
    assert one(driver, "#kind").get_attribute("value") == "half_year"
    stored = json.loads(driver.execute_script("return localStorage.getItem('drafter.form.v1')"))
    assert stored["unit"] == "丁中心党支部"


def test_corpus_page_upload_and_re_mine(browser, server, tmp_path, shots):
    driver = browser
    driver.get(server.split("?")[0] + "corpus")
    assert "共 2 篇" in one(driver, "main").text and "年度总结" in one(driver, ".files").text
    upload = tmp_path / "上传的范文.txt"
    shutil.copy(CORPUS / "002_bef99398f62872d2.txt", upload)
    one(driver, "#upload-files").send_keys(str(upload))
    one(driver, "#upload-go").click()
    wait_for(driver, lambda d: "已存入：上传的范文.txt" in one(d, "#upload-results").text)
    one(driver, "#mine-go").click()
    wait_for(driver, lambda d: one(d, "#mine-step").text in ("完成", "失败"), timeout=120)
    assert one(driver, "#mine-step").text == "完成", one(driver, "#mine-result").text
    assert "3 篇" in one(driver, "#mine-result").text
    driver.save_screenshot(str(shots / "corpus.png"))
    driver.get(server.split("?")[0] + "corpus")
    assert "共 3 篇" in one(driver, "main").text and "上传的范文.txt" in one(driver, ".files").text


def test_a_heading_set_and_a_table(browser, server, shots):
    driver = browser
    fresh_form(driver, server, "annual")
    type_into(driver, "unit", "戊单位")
    field(driver, "sections.0.heading").click()  # the achievements part: the panel follows it
    one(driver, "#phrase-search").clear()
    one(driver, "#phrase-type").send_keys("标题组")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#phrase-list .use-set"))
    items = texts(driver, "#phrase-list .phrase:first-child .phrase-set li")
    assert len(items) >= 2
    one(driver, "#phrase-list .phrase:first-child .use-set").click()
    wait_for(driver, lambda d: field(d, "sections.0.entries.0.heading").get_attribute("value") == items[0])
    assert [field(driver, f"sections.0.entries.{n}.heading").get_attribute("value") for n in range(len(items))] == items

    entry = one(driver, "[data-container='sections.0.entries.0']")
    entry.find_element(By.CSS_SELECTOR, "[data-action='add-table']").click()
    type_into(driver, "sections.0.entries.0.table.title", "主要指标完成情况表")
    type_into(driver, "sections.0.entries.0.table.rows", "指标 | 完成情况\n发展党员 | X名")
    settle(driver)
    shown = preview_text(driver)
    assert f"（一）{items[0]}" in shown and "主要指标完成情况表" in shown
    header = texts(driver, "#preview .tbl th")
    assert header == ["指标", "完成情况"]
    assert texts(driver, "#preview .tbl td .mark") == ["X"]
    assert one(driver, "#preview .tbl td .mark").value_of_css_property("background-color") == YELLOW
    driver.save_screenshot(str(shots / "heading-set-and-table.png"))
