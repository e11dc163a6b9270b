// drafter 工作台 · 起草页。
// The form is plain JSON (drafter/drafting/form.py); every field in the page has
// data-path, its place in that JSON. The server drafts, checks and lays out; this
// script keeps the form, draws its panels, and shows what the server answers.
// User text only ever reaches the page through .value and .textContent; the
// preview HTML comes escaped from the server.
"use strict";

(function () {
  const CONFIG = JSON.parse(document.getElementById("config").textContent);
  const NAMES = CONFIG.names;
  const STORE = "drafter.form.v1";
  const $ = (selector, root = document) => root.querySelector(selector);
  const label = (list, id) => (list.find((x) => x.id === id) || { label: id }).label;
  const LEVEL_LABELS = NAMES.levels;  // 二级标题 …, from the one vocabulary

  const state = {
    form: null, hints: null, lastField: null, pageHtml: [],
    previewBusy: false, previewAgain: false, previews: 0,
  };

  // -- talking to the server -----------------------------------------------------------------

  async function call(method, url, body, raw) {
    const headers = { "X-Drafter": "1" };
    let payload;
    if (body !== undefined) {
      if (raw) { payload = body; headers["Content-Type"] = "application/octet-stream"; }
      else { payload = JSON.stringify(body); headers["Content-Type"] = "application/json"; }
    }
    const response = await fetch(url, { method, headers, body: payload, credentials: "same-origin" });
    if (!response.ok) {
      let detail = { error: `请求失败（${response.status}）` };
      try { detail = await response.json(); } catch (ignored) { /* not JSON */ }
      const error = new Error(detail.error || `请求失败（${response.status}）`);
      Object.assign(error, detail, { status: response.status });
      throw error;
    }
    return response;
  }
  const getJSON = async (url) => (await call("GET", url)).json();
  const postJSON = async (url, body, raw) => (await call("POST", url, body, raw)).json();

  // -- the form as data ------------------------------------------------------------------------

  function getAt(path) {
    return path.split(".").reduce((obj, key) => (obj == null ? undefined : obj[key]), state.form);
  }
  function setAt(path, value) {
    const keys = path.split(".");
    const last = keys.pop();
    const obj = keys.reduce((o, key) => {
      if (o[key] == null) o[key] = {};
      return o[key];
    }, state.form);
    obj[last] = value;
  }
  const emptyEntry = () => ({ heading: "", text: [], points: [], table: null, children: [], notes: {} });
  const emptySection = (role) => ({ role, heading: "", text: [], points: [], table: null, entries: [], notes: {} });
  const hasText = (list) => (list || []).some((t) => t.trim());
  const tableEmpty = (table) => !table || (!table.title.trim() && !(table.rows || []).some((row) => hasText(row)));
  function entryEmpty(entry) {
    return !entry.heading.trim() && !hasText(entry.text) && !hasText(entry.points) && tableEmpty(entry.table)
      && (entry.children || []).every(entryEmpty);
  }
  function sectionEmpty(section) {
    return !section.heading.trim() && !hasText(section.text) && !hasText(section.points)
      && tableEmpty(section.table) && section.entries.every(entryEmpty);
  }
  function formEmpty() {
    const f = state.form;
    return !f || (!f.unit.trim() && !f.title.trim() && !hasText(f.opening) && !hasText(f.closing)
      && f.sections.every(sectionEmpty));
  }

  function readField(el) {
    if (el.hasAttribute("data-list")) return el.value.split("\n");
    if (el.hasAttribute("data-rows")) {
      return el.value.split("\n").filter((line) => line.trim()).map((line) => line.split(/[|｜]/).map((c) => c.trim()));
    }
    return el.value;
  }
  function showField(el, value) {
    if (el.hasAttribute("data-list")) el.value = (value || []).join("\n");
    else if (el.hasAttribute("data-rows")) el.value = (value || []).map((row) => row.join(" | ")).join("\n");
    else el.value = value == null ? "" : value;
  }
  function autosize(el) {
    if (el.tagName !== "TEXTAREA") return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  }

  // -- drawing the form -----------------------------------------------------------------------

  function bind(root, prefix) {
    for (const el of root.querySelectorAll("[data-field]")) {
      if (el.closest(".entry, .panel") !== root) continue;  // a nested entry binds its own fields
      el.dataset.path = `${prefix}.${el.dataset.field}`;
      showField(el, getAt(el.dataset.path));
    }
    root.dataset.container = prefix;
  }

  function notesFor(obj, field) {
    return (obj && obj.notes && obj.notes[field]) || [];
  }

  function addNotes(root, obj) {
    for (const el of root.querySelectorAll("[data-field]")) {
      if (el.closest(".entry, .panel") !== root) continue;
      const notes = notesFor(obj, el.dataset.field);
      if (!notes.length) continue;
      const list = document.createElement("ul");
      list.className = "notes";
      list.title = "去年文稿中的写法（保存时保留为注释）";
      for (const note of notes) {
        const item = document.createElement("li");
        item.textContent = note;
        list.append(item);
      }
      (el.closest(".field, .entry-head") || el).after(list);
    }
  }

  // A table is shown where the object has one; "＋ 表格" where it has none (one per heading).
  function showTable(node, obj) {
    const box = node.querySelector(".table-box");
    if (box.closest(".entry, .panel") !== node) return;
    if (obj.table) {
      const add = [...node.querySelectorAll("[data-action='add-table']")].find((b) => b.closest(".entry, .panel") === node);
      if (add) add.remove();
      anchorCellNotes(obj.table);
      addTableNotes(box, obj.table.notes || {});
    } else {
      box.remove();
    }
  }

  // A cell's notes ("1.2") belong to its row, not to its position: each is anchored to the
  // first cell of its row as the table was loaded, and follows that row when rows are added,
  // deleted or moved in the rows field. A note whose row is gone (or can no longer be told
  // apart) is left out of the form; it comes back if the row does.
  const cellAnchors = new WeakMap();  // table → [{key, occurrence, count, column, notes}]
  const firstCell = (row) => ((row && row[0]) || "").trim();

  function anchorCellNotes(table) {
    if (cellAnchors.has(table)) return;
    const keys = (table.rows || []).map(firstCell);
    const anchors = [];
    for (const [name, notes] of Object.entries(table.notes || {})) {
      if (name === "title") continue;
      const [row, column] = name.split(".").map(Number);
      if (!(row < keys.length)) continue;
      const key = keys[row];
      anchors.push({ key, column, notes, occurrence: keys.slice(0, row).filter((k) => k === key).length,
                     count: keys.filter((k) => k === key).length });
    }
    cellAnchors.set(table, anchors);
  }

  function followRows(table) {
    const keys = (table.rows || []).map(firstCell);
    const notes = {};
    if (table.notes && table.notes.title) notes.title = table.notes.title;
    for (const anchor of cellAnchors.get(table) || []) {
      const rows = keys.map((key, index) => (key === anchor.key ? index : -1)).filter((index) => index >= 0);
      // a first cell that was unique must still be; a repeated one (合计, empty) keeps its turn while
      // the number of rows that have it stays the same
      if (rows.length !== anchor.count) continue;
      const name = `${rows[anchor.occurrence]}.${anchor.column}`;
      notes[name] = [...(notes[name] || []), ...anchor.notes];
    }
    table.notes = notes;
  }

  // Last year's wording of a table's title and cells ("1.2": the second row's third cell).
  function addTableNotes(box, notes) {
    const names = Object.keys(notes).sort((a, b) => {
      const key = (name) => name === "title" ? [-1, 0] : name.split(".").map(Number);
      const [ra, ca] = key(a), [rb, cb] = key(b);
      return ra - rb || ca - cb;
    });
    if (!names.length) return;
    const list = document.createElement("ul");
    list.className = "notes";
    list.title = "去年文稿中的写法（保存时保留为注释）";
    for (const name of names) {
      const [row, column] = name.split(".").map(Number);
      const where = name === "title" ? "表题" : `第${row + 1}行第${column + 1}格`;
      for (const note of notes[name]) {
        const item = document.createElement("li");
        item.textContent = `${where}　${note}`;
        list.append(item);
      }
    }
    box.append(list);
  }

  function renderEntry(entry, path, level, role) {
    const node = document.getElementById("tpl-entry").content.firstElementChild.cloneNode(true);
    node.classList.add(`level-${level}`);
    bind(node, path);
    $(".entry-level", node).textContent = LEVEL_LABELS[level] || "";
    const heading = $("input.heading", node);
    heading.placeholder = level === 2 ? "标题（不写序号；不填则内容并入上一级）" : "下级标题（不写序号）";
    heading.setAttribute("list", `hints-sub-${role}`);
    if (!entry.heading.trim()) node.classList.add("headless");
    const children = $(".children", node);
    (entry.children || []).forEach((child, n) => {
      children.append(renderEntry(child, `${path}.children.${n}`, level + 1, role));
    });
    if (level >= 4) $("[data-action='add-child']", node).remove();
    showTable(node, entry);
    addNotes(node, entry);
    return node;
  }

  function renderSection(section, index) {
    const node = document.getElementById("tpl-section").content.firstElementChild.cloneNode(true);
    const path = `sections.${index}`;
    const mapping = state.form.sections_form === "mapping";
    bind(node, path);
    node.dataset.role = section.role;
    const roleName = $(".panel-role", node);
    const roleSelect = $(".panel-role-select", node);
    if (mapping) { roleName.textContent = label(NAMES.roles, section.role); roleSelect.remove(); }
    else { roleName.remove(); }
    if (mapping) { $("[data-action='up']", node).remove(); $("[data-action='down']", node).remove(); }
    const heading = $("input.heading", node);
    const suggested = state.hints && state.hints.headings[section.role];
    heading.placeholder = suggested && suggested[0] ? `不填时用：${suggested[0]}` : "一级标题";
    heading.setAttribute("list", `hints-h1-${section.role}`);
    const entries = $(".entries", node);
    section.entries.forEach((entry, n) => entries.append(renderEntry(entry, `${path}.entries.${n}`, 2, section.role)));
    showTable(node, section);
    node.classList.toggle("empty", sectionEmpty(section));
    addNotes(node, section);
    return node;
  }

  function renderDatalists() {
    for (const old of document.querySelectorAll("datalist.hints")) old.remove();
    if (!state.hints) return;
    const make = (id, texts) => {
      const list = document.createElement("datalist");
      list.id = id;
      list.className = "hints";
      for (const text of texts || []) {
        const option = document.createElement("option");
        option.value = text;
        list.append(option);
      }
      document.body.append(list);
    };
    for (const role of NAMES.roles) {
      make(`hints-h1-${role.id}`, state.hints.headings[role.id]);
      make(`hints-sub-${role.id}`, state.hints.subheadings[role.id]);
    }
  }

  function renderHints() {
    const hints = state.hints;
    const title = $("[data-path='title']");
    const opening = $("[data-path='opening']");
    title.placeholder = hints ? `不填时用：${hints.title}` : "";
    opening.placeholder = hints && hints.opening ? `不填时用：${hints.opening}` : "";
    const note = $("#common-note");
    note.hidden = !(hints && hints.common);
    if (hints && hints.common) {
      const parts = hints.roles.map((role) => label(NAMES.roles, role)).join("、");
      note.textContent = `语库中没有“${label(NAMES.kinds, hints.kind)}”的结构骨架，按通用结构（${parts}）列出各部分。`;
    }
    const chips = $("#closing-hints");
    chips.replaceChildren();
    for (const text of (hints && hints.closings) || []) {
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "chip";
      chip.dataset.action = "use-closing";
      chip.dataset.text = text;
      chip.textContent = text.length > 24 ? `${text.slice(0, 24)}…` : text;
      chip.title = `插入结尾：${text}`;
      chips.append(chip);
    }
    renderDatalists();
  }

  function renderAddSection() {
    const select = $("#add-role");
    select.replaceChildren();
    const mapping = state.form.sections_form === "mapping";
    const present = new Set(state.form.sections.map((s) => s.role));
    const roles = mapping ? NAMES.roles.filter((r) => !present.has(r.id)) : NAMES.roles;
    for (const role of roles) {
      const option = document.createElement("option");
      option.value = role.id;
      option.textContent = role.label;
      select.append(option);
    }
    $(".add-section").hidden = mapping && !roles.length;
  }

  function renderForm() {
    const pane = $("#form-pane");
    for (const el of pane.querySelectorAll(".top-fields [data-path], .bottom-fields [data-path]")) {
      showField(el, getAt(el.dataset.path));
    }
    for (const old of pane.querySelectorAll(".top-fields .notes, .bottom-fields .notes")) old.remove();
    for (const el of pane.querySelectorAll(".top-fields [data-path], .bottom-fields [data-path]")) {
      const notes = notesFor(state.form, el.dataset.path);
      if (!notes.length) continue;
      const list = document.createElement("ul");
      list.className = "notes";
      for (const note of notes) {
        const item = document.createElement("li");
        item.textContent = note;
        list.append(item);
      }
      el.closest(".field").after(list);
    }
    $("#sections").replaceChildren(...state.form.sections.map(renderSection));
    renderAddSection();
    renderHints();
    for (const el of pane.querySelectorAll("textarea")) autosize(el);
  }

  // -- changes -----------------------------------------------------------------------------------

  let saveTimer = null;
  let hintTimer = null;

  function changed() {
    requestPreview();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(autosave, 300);
  }

  function autosave() {
    try {
      localStorage.setItem(STORE, JSON.stringify(state.form));
      const time = new Date().toLocaleTimeString("zh-CN", { hour12: false });
      status(`已自动保存在本浏览器（${time}）`);
    } catch (error) {
      status("浏览器无法自动保存（存储空间已满或被禁用），请用“保存填写文件”保存。", true);
    }
  }

  function setForm(form, hints) {
    state.form = form;
    if (hints) state.hints = hints;
    renderForm();
    changed();
    if (!hints) refreshHints();
  }

  function refreshHints() {
    clearTimeout(hintTimer);
    hintTimer = setTimeout(async () => {
      const f = state.form;
      const query = new URLSearchParams({ kind: f.kind, year: f.year, unit: f.unit });
      try {
        state.hints = await getJSON(`/api/hints?${query}`);
        renderHints();
        for (const el of document.querySelectorAll(".panel input.heading[data-field='heading']")) {
          const role = el.closest(".panel").dataset.role;
          const suggested = state.hints.headings[role];
          if (el.closest(".entry")) continue;
          el.placeholder = suggested && suggested[0] ? `不填时用：${suggested[0]}` : "一级标题";
        }
      } catch (error) { /* hints are a help, not a need */ }
    }, 350);
  }

  function onInput(event) {
    const el = event.target;
    const path = el.dataset && el.dataset.path;
    if (!path || path === "kind") return;
    setAt(path, readField(el));
    if (el.hasAttribute("data-rows")) {  // the cells' notes follow their rows
      const table = getAt(path.slice(0, -".rows".length));
      followRows(table);
      const box = el.closest(".table-box");
      for (const old of box.querySelectorAll(":scope > .notes")) old.remove();
      addTableNotes(box, table.notes);
    }
    if (el.dataset.field === "role") {  // a list-form part's role: its hints and phrase filter follow
      renderForm();
      changed();
      return;
    }
    autosize(el);
    clearFieldError(el);
    if (path === "year" || path === "unit") refreshHints();
    const panel = el.closest(".panel");
    if (panel) panel.classList.toggle("empty", sectionEmpty(getAt(panel.dataset.container)));
    const entry = el.closest(".entry");
    if (entry && el.dataset.field === "heading") entry.classList.toggle("headless", !el.value.trim());
    changed();
  }

  async function onKindChange(event) {
    const kind = event.target.value;
    try {
      const answer = await postJSON(`/api/form/kind?kind=${encodeURIComponent(kind)}`, state.form);
      setForm(answer.form, answer.hints);
    } catch (error) {
      banner(error.message, true);
      event.target.value = state.form.kind;
    }
  }

  function listAndIndex(container) {
    const keys = container.split(".");
    const index = Number(keys.pop());
    return { list: getAt(keys.join(".")), index };
  }

  function structural(action, container) {
    const f = state.form;
    let focusPath = null;
    if (action === "add-section") {
      f.sections.push(emptySection($("#add-role").value));
      focusPath = `sections.${f.sections.length - 1}.heading`;
    } else if (action === "add-entry" || action === "add-paragraphs") {
      const list = getAt(container).entries;
      list.push(emptyEntry());
      focusPath = `${container}.entries.${list.length - 1}.${action === "add-entry" ? "heading" : "text"}`;
    } else if (action === "add-table") {
      getAt(container).table = { title: "", rows: [], notes: {} };
      focusPath = `${container}.table.rows`;
    } else if (action === "remove-table") {
      const owner = getAt(container);
      if (!tableEmpty(owner.table) && !confirm("删除这张表格？")) return;
      owner.table = null;
    } else if (action === "add-child") {
      const entry = getAt(container);
      entry.children.push(emptyEntry());
      focusPath = `${container}.children.${entry.children.length - 1}.heading`;
    } else if (["up", "down", "remove"].includes(action)) {
      const { list, index } = listAndIndex(container);
      if (action === "remove") {
        const item = list[index];
        const empty = item.role !== undefined ? sectionEmpty(item) : entryEmpty(item);
        if (!empty && !confirm("删除这一项及其全部内容？")) return;
        list.splice(index, 1);
      } else {
        const other = action === "up" ? index - 1 : index + 1;
        if (other < 0 || other >= list.length) return;
        [list[index], list[other]] = [list[other], list[index]];
        focusPath = container.replace(/\d+$/, String(other));
      }
    } else {
      return;
    }
    const scroll = $("#form-pane").scrollTop;
    renderForm();
    $("#form-pane").scrollTop = scroll;
    if (focusPath) focusPathIn(focusPath, false);
    changed();
  }

  function insertAtCursor(el, text) {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    el.focus();
    el.setRangeText(text, start, end, "end");
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function onClick(event) {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "use-title" && state.hints) {
      const el = $("[data-path='title']");
      el.value = state.hints.title;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    } else if (action === "use-opening" && state.hints && state.hints.opening) {
      insertAtCursor($("[data-path='opening']"), state.hints.opening);
    } else if (action === "use-closing") {
      insertAtCursor($("[data-path='closing']"), button.dataset.text);
    } else {
      const holder = button.closest("[data-container]");
      structural(action, holder ? holder.dataset.container : null);
    }
  }

  // -- errors, notes and jumping to a field -----------------------------------------------------

  function elementFor(path) {
    let probe = path;
    while (probe) {
      const el = document.querySelector(`[data-path="${CSS.escape(probe)}"]`)
        || document.querySelector(`[data-container="${CSS.escape(probe)}"]`);
      if (el) return el;
      probe = probe.includes(".") ? probe.slice(0, probe.lastIndexOf(".")) : "";
    }
    return null;
  }

  function focusPathIn(path, flash = true) {
    const el = elementFor(path);
    if (!el) return false;
    el.scrollIntoView({ block: "center", behavior: flash ? "smooth" : "auto" });
    const target = el.matches("input, textarea, select") ? el : el.querySelector("input, textarea");
    if (target) target.focus({ preventScroll: true });
    if (flash) {
      el.classList.remove("flash");
      void el.offsetWidth;
      el.classList.add("flash");
      setTimeout(() => el.classList.remove("flash"), 2600);
    }
    return true;
  }

  function clearFieldError(el) {
    const box = el.closest(".field, .entry-head");
    const next = box && box.nextElementSibling;
    if (next && next.classList.contains("field-error")) next.remove();
  }

  function clearErrors() {
    for (const old of document.querySelectorAll("#form-pane .field-error")) old.remove();
  }

  function showError(message, path) {
    clearErrors();
    const el = path ? elementFor(path) : null;
    if (el && el.matches("input, textarea, select")) {
      const note = document.createElement("p");
      note.className = "field-error";
      note.setAttribute("role", "alert");
      note.textContent = message;
      (el.closest(".field, .entry-head") || el).after(note);
      banner("");
      return;
    }
    banner(message, true);
  }

  function banner(message, isError) {
    const box = $("#banner");
    box.textContent = message || "";
    box.hidden = !message;
    box.classList.toggle("error", Boolean(isError));
  }

  function status(message, isError) {
    const box = $("#status");
    box.textContent = message;
    box.classList.toggle("error", Boolean(isError));
  }

  // -- the preview ---------------------------------------------------------------------------------

  function fitPreview() {
    const pages = $("#preview .pages");
    if (!pages) return;
    const room = $("#preview").clientWidth - 24;
    const pageWidth = 793.7;  // 210 mm at 96 dpi
    pages.style.zoom = String(Math.min(1, Math.max(0.3, room / pageWidth)));
  }

  // Only the pages that changed are replaced: typing in one paragraph redraws one page.
  function showPages(pages) {
    let holder = $("#preview .pages");
    if (!holder) {
      holder = document.createElement("div");
      holder.className = "pages";
      $("#preview").replaceChildren(holder);
      state.pageHtml = [];
      fitPreview();
    }
    pages.forEach((html, index) => {
      if (state.pageHtml[index] === html) return;
      const page = document.createRange().createContextualFragment(html);  // escaped by the server
      const old = holder.children[index];
      if (old) old.replaceWith(page); else holder.append(page);
    });
    while (holder.children.length > pages.length) holder.lastElementChild.remove();
    state.pageHtml = pages.slice();
  }

  async function requestPreview() {
    if (!state.form) return;
    if (state.previewBusy) { state.previewAgain = true; return; }
    state.previewBusy = true;
    const started = performance.now();
    try {
      const answer = await postJSON("/api/preview", state.form);
      const answered = performance.now();
      showPages(answer.pages);
      const s = answer.summary;
      $("#preview-summary").textContent = `${answer.pages.length} 页 · 一级标题 ${s.sections} 个 · 正文 ${s.characters} 字`
        + ` · 待补充 ${s.gaps.length} 处 · 占位符 ${s.placeholders} 处`;
      const warnings = $("#preview-warnings");
      warnings.replaceChildren();
      for (const warning of answer.warnings) {
        const item = document.createElement("li");
        item.textContent = `提示：${warning.message}`;
        if (warning.path) { item.dataset.path = warning.path; item.className = "jump"; }
        warnings.append(item);
      }
      clearErrors();
      if (!$("#banner").classList.contains("info")) banner("");
      state.previews += 1;
      state.timing = { request: answered - started, page: performance.now() - answered };
      document.dispatchEvent(new CustomEvent("drafter:preview", { detail: { count: state.previews } }));
    } catch (error) {
      showError(error.message, error.path);
      $("#preview-summary").textContent = "预览未更新：请先改正标红的内容";
      document.dispatchEvent(new CustomEvent("drafter:preview", { detail: { error: error.message } }));
    } finally {
      state.previewBusy = false;
      if (state.previewAgain) { state.previewAgain = false; requestPreview(); }
    }
  }

  // -- the phrase bank ---------------------------------------------------------------------------

  let phraseTimer = null;

  function searchPhrases() {
    clearTimeout(phraseTimer);
    phraseTimer = setTimeout(async () => {
      const query = new URLSearchParams({
        search: $("#phrase-search").value.trim(), role: $("#phrase-role").value,
        type: $("#phrase-type").value, topic: $("#phrase-topic").value, year: state.form ? state.form.year : "",
      });
      const list = $("#phrase-list");
      try {
        const answer = await getJSON(`/api/phrases?${query}`);
        list.replaceChildren();
        if (!answer.entries.length) {
          const none = document.createElement("li");
          none.className = "muted";
          none.textContent = "没有符合条件的条目。";
          list.append(none);
        }
        for (const entry of answer.entries) list.append(phraseItem(entry));
        if (answer.total > answer.entries.length) {
          const more = document.createElement("li");
          more.className = "muted small";
          more.textContent = `共 ${answer.total} 条，只列出前 ${answer.entries.length} 条；请输入文字缩小范围。`;
          list.append(more);
        }
      } catch (error) {
        list.replaceChildren();
        const item = document.createElement("li");
        item.className = "field-error";
        item.textContent = error.message;
        list.append(item);
      }
    }, 150);
  }

  function phraseItem(entry) {
    const item = document.createElement("li");
    item.className = "phrase";
    const head = document.createElement("div");
    head.className = "phrase-head";
    const insert = document.createElement("button");
    insert.type = "button";
    insert.className = "insert";
    insert.textContent = "插入";
    insert.title = "插入到光标处";
    insert.addEventListener("mousedown", (event) => event.preventDefault());  // keep the cursor where it is
    insert.addEventListener("click", () => insertPhrase(entry.text));
    const text = document.createElement("span");
    text.className = "phrase-text";
    text.textContent = entry.text;
    head.append(insert, text);
    const meta = document.createElement("div");
    meta.className = "phrase-meta";
    const parts = [entry.type_label];
    if (entry.roles.length) parts.push(entry.roles.join("、"));
    if (entry.topics.length) parts.push(entry.topics.join("、"));
    if (entry.source) parts.push(entry.source);
    if (entry.count) parts.push(`${entry.count} 次 / ${entry.docs} 篇`);
    meta.textContent = parts.join(" · ");
    item.append(head, meta);
    if (entry.items.length) {  // a heading set: its headings, usable as the part's subheadings
      const set = document.createElement("ol");
      set.className = "phrase-set";
      for (const heading of entry.items) {
        const li = document.createElement("li");
        li.textContent = heading;
        set.append(li);
      }
      const use = document.createElement("button");
      use.type = "button";
      use.className = "use-set";
      use.textContent = "用作本部分的二级标题";
      use.title = `结构：${entry.structure}`;
      use.addEventListener("click", () => useHeadingSet(entry.items));
      item.append(set, use);
    }
    if (entry.fillers && entry.fillers.length) {
      const fillers = document.createElement("div");
      fillers.className = "phrase-meta";
      fillers.textContent = `常见填充：${entry.fillers.join("、")}`;
      item.append(fillers);
    }
    if (entry.example) {
      const example = document.createElement("div");
      example.className = "phrase-example";
      example.textContent = `例：${entry.example}`;
      example.title = entry.example_doc ? `出处：${entry.example_doc}` : "";
      item.append(example);
    }
    return item;
  }

  // A heading set fills the empty subheadings of the part being edited, in order,
  // adding entries for the rest.
  function useHeadingSet(headings) {
    const panel = state.lastField && document.body.contains(state.lastField) ? state.lastField.closest(".panel") : null;
    if (!panel) { status("请先点一下要使用这组标题的部分（表单中该部分的任一栏）。", true); return; }
    const section = getAt(panel.dataset.container);
    const empty = section.entries.filter(entryEmpty);  // entries added and not yet written in
    for (const heading of headings) {
      const slot = empty.shift();
      if (slot) slot.heading = heading;
      else section.entries.push(Object.assign(emptyEntry(), { heading }));
    }
    renderForm();
    focusPathIn(`${panel.dataset.container}.entries.0.heading`, true);
    changed();
    status(`已用作二级标题：${headings.length} 个`);
  }

  function insertPhrase(text) {
    const el = state.lastField;
    if (!el || !document.body.contains(el)) {
      status("请先点一下要插入的位置（表单中的任一栏）。", true);
      return;
    }
    insertAtCursor(el, text);
    status(`已插入：${text.length > 20 ? text.slice(0, 20) + "…" : text}`);
  }

  function onFocusIn(event) {
    const el = event.target;
    if (!el.matches || !el.matches("#form-pane input[type='text'], #form-pane textarea")) return;
    state.lastField = el;
    const panel = el.closest(".panel");
    if (panel && $("#phrase-follow").checked && panel.dataset.role) {
      const role = $("#phrase-role");
      if (role.value !== panel.dataset.role) { role.value = panel.dataset.role; searchPhrases(); }
    }
  }

  // -- check ----------------------------------------------------------------------------------------

  function showTab(name) {
    for (const tab of document.querySelectorAll("[data-tab]")) tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
    $("#tab-phrases").hidden = name !== "phrases";
    $("#tab-findings").hidden = name !== "findings";
  }

  async function runCheck() {
    showTab("findings");
    const list = $("#findings");
    list.replaceChildren();
    $("#findings-summary").textContent = "正在检查……（首次比对范文库时需要建立索引）";
    try {
      const answer = await postJSON("/api/check", state.form);
      const s = answer.summary;
      $("#findings-summary").textContent = answer.findings.length
        ? `共 ${s.errors} 个错误、${s.warnings} 个警告、${s.infos} 个提示。点一条，跳到对应的栏目。`
        : "未发现问题。";
      for (const finding of answer.findings) {
        const item = document.createElement("li");
        item.className = `finding ${finding.severity}`;
        if (finding.path) item.dataset.path = finding.path;
        const head = document.createElement("div");
        head.className = "finding-head";
        head.textContent = `${finding.severity_label} · ${finding.rule_label}`;
        const message = document.createElement("div");
        message.textContent = finding.message;
        item.append(head, message);
        if (finding.text) {
          const text = document.createElement("div");
          text.className = "finding-text";
          text.textContent = finding.text;
          item.append(text);
        }
        if (finding.fix !== null && finding.fix !== undefined) {
          const fix = document.createElement("div");
          fix.className = "finding-fix";
          fix.textContent = finding.fix ? `建议改为：${finding.fix}` : "建议删去";
          item.append(fix);
        }
        item.tabIndex = 0;
        list.append(item);
      }
    } catch (error) {
      $("#findings-summary").textContent = "";
      showError(error.message, error.path);
    }
  }

  // -- files ----------------------------------------------------------------------------------------

  function fileNameOf(response, fallback) {
    const header = response.headers.get("Content-Disposition") || "";
    const match = /filename\*=UTF-8''([^;]+)/i.exec(header);
    return match ? decodeURIComponent(match[1]) : fallback;
  }

  function deliver(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function download(format) {
    try {
      const response = await call("POST", `/api/download?format=${format}`, state.form);
      const name = fileNameOf(response, `文稿.${format}`);
      deliver(await response.blob(), name);
      status(`已下载：${name}`);
    } catch (error) { showError(error.message, error.path); }
  }

  async function saveFill() {
    try {
      const response = await call("POST", "/api/save", state.form);
      const name = fileNameOf(response, "填写文件.yaml");
      deliver(await response.blob(), name);
      status(`已保存：${name}`);
    } catch (error) { showError(error.message, error.path); }
  }

  function replaceAsked() {
    return formEmpty() || confirm("用新内容替换当前表单？（当前内容会被替换，建议先“保存填写文件”）");
  }

  async function openFill(file) {
    try {
      const data = await file.arrayBuffer();
      const answer = await postJSON(`/api/load?name=${encodeURIComponent(file.name)}`, data, true);
      if (!replaceAsked()) return;
      setForm(answer.form, answer.hints);
      banner(answer.warnings.length ? answer.warnings.join("；") : `已打开：${file.name}`, false);
    } catch (error) { banner(error.message, true); }
  }

  async function lastYear() {
    const dialog = $("#last-year-dialog");
    $("#last-year-year").value = state.form ? state.form.year : "";
    $("#last-year-error").hidden = true;
    dialog.showModal();
  }

  async function runLastYear() {
    const file = $("#last-year-file").files[0];
    const error = $("#last-year-error");
    if (!file) { error.textContent = "请选择去年的 .docx 或 .txt 文稿。"; error.hidden = false; return false; }
    const year = $("#last-year-year").value.trim();
    const go = $("#last-year-go");
    go.disabled = true;
    try {
      const data = await file.arrayBuffer();
      const query = new URLSearchParams({ name: file.name, year });
      const answer = await postJSON(`/api/last-year?${query}`, data, true);
      if (!replaceAsked()) return true;
      setForm(answer.form, answer.hints);
      const note = [answer.summary, ...answer.warnings.slice(0, 3)].join(" ");
      banner(note, false);
      $("#banner").classList.add("info");
      return true;
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      return false;
    } finally { go.disabled = false; }
  }

  async function newForm(kind) {
    try {
      const answer = await getJSON(`/api/form/new?kind=${encodeURIComponent(kind)}`);
      setForm(answer.form, answer.hints);
      banner("");
    } catch (error) { banner(error.message, true); }
  }

  function chooseKind() {
    const dialog = $("#kind-dialog");
    dialog.returnValue = "";
    dialog.showModal();
  }

  // -- start ----------------------------------------------------------------------------------------

  function start() {
    const pane = $("#form-pane");
    pane.addEventListener("input", onInput);
    pane.addEventListener("click", onClick);
    document.addEventListener("focusin", onFocusIn);
    $("#kind").addEventListener("change", onKindChange);
    for (const el of document.querySelectorAll("#form-pane [data-path]")) el.setAttribute("spellcheck", "false");

    document.querySelector(".toolbar").addEventListener("click", (event) => {
      const button = event.target.closest("[data-command]");
      if (!button) return;
      const command = button.dataset.command;
      if (command === "new") { if (formEmpty() || confirm("新建会清空当前表单，是否继续？（建议先“保存填写文件”）")) chooseKind(); }
      else if (command === "open") $("#open-file").click();
      else if (command === "save") saveFill();
      else if (command === "download") download(button.dataset.format);
      else if (command === "check") runCheck();
      else if (command === "last-year") lastYear();
    });
    $("#open-file").addEventListener("change", (event) => {
      const file = event.target.files[0];
      if (file) openFill(file);
      event.target.value = "";
    });
    $("#kind-dialog").addEventListener("close", (event) => {
      const kind = event.target.returnValue;
      if (kind) newForm(kind);
      else if (!state.form) newForm("annual");
    });
    $("#last-year-form").addEventListener("submit", async (event) => {
      if (event.submitter && event.submitter.value === "go") {
        event.preventDefault();
        if (await runLastYear()) $("#last-year-dialog").close();
      }
    });
    for (const tab of document.querySelectorAll("[data-tab]")) tab.addEventListener("click", () => showTab(tab.dataset.tab));
    for (const id of ["#phrase-search", "#phrase-role", "#phrase-type", "#phrase-topic"]) {
      $(id).addEventListener("input", searchPhrases);
    }
    const jump = (event) => {
      const item = event.target.closest("[data-path]");
      if (item && (event.type === "click" || event.key === "Enter")) focusPathIn(item.dataset.path);
    };
    $("#findings").addEventListener("click", jump);
    $("#findings").addEventListener("keydown", jump);
    $("#preview-warnings").addEventListener("click", jump);
    window.addEventListener("resize", fitPreview);
    searchPhrases();

    let saved = null;
    try { saved = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (ignored) { saved = null; }
    if (saved && saved.sections) {
      setForm(saved, null);
      status("已恢复上次自动保存的内容");
    } else {
      chooseKind();
    }
  }

  // for tests and the benchmark: the page's state, read-only use
  window.drafterWorkbench = { state, requestPreview, focusPath: focusPathIn };
  start();
})();
