// drafter 工作台 · 范文库页：上传范文、重新提炼语库（显示进度）。
"use strict";

(function () {
  const $ = (selector) => document.querySelector(selector);

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "X-Drafter": "1", "Content-Type": "application/octet-stream" }, body,
    });
    let answer = {};
    try { answer = await response.json(); } catch (ignored) { answer = { error: `请求失败（${response.status}）` }; }
    return { status: response.status, answer };
  }

  function result(text, isError) {
    const item = document.createElement("li");
    item.textContent = text;
    if (isError) item.className = "field-error";
    $("#upload-results").append(item);
  }

  async function upload() {
    const files = Array.from($("#upload-files").files);
    if (!files.length) { result("请先选择文件。", true); return; }
    let stored = 0;
    for (const file of files) {
      const data = await file.arrayBuffer();
      let query = `name=${encodeURIComponent(file.name)}`;
      let { status, answer } = await post(`/api/corpus/upload?${query}`, data);
      if (status === 409 && confirm(`${answer.error}，是否覆盖？`)) {
        ({ status, answer } = await post(`/api/corpus/upload?${query}&overwrite=1`, data));
      }
      if (status === 200) { result(`已存入：${answer.stored}`); stored += 1; }
      else result(`${file.name}：${answer.error}`, true);
    }
    if (stored) result("刷新本页可查看新范文的提纲；需要时点“重新提炼”更新语库。");
  }

  function showJob(job) {
    const box = $("#mine-progress");
    box.hidden = job.state === "idle";
    const share = job.total ? Math.round((100 * job.done) / job.total) : 0;
    $("#mine-fill").style.width = `${job.state === "done" ? 100 : share}%`;
    $("#mine-step").textContent = job.state === "running"
      ? `${job.step} ${job.done}/${job.total}（${job.seconds} 秒）`
      : job.state === "done" ? "完成" : job.state === "failed" ? "失败" : "";
    const out = $("#mine-result");
    const text = [job.message, ...job.warnings].filter(Boolean).join("\n");
    out.hidden = !text;
    out.textContent = text;
    out.classList.toggle("error", job.state === "failed");
    $("#mine-go").disabled = job.state === "running";
  }

  async function follow() {
    const response = await fetch("/api/corpus/mine", { credentials: "same-origin", headers: { "X-Drafter": "1" } });
    const job = await response.json();
    showJob(job);
    if (job.state === "running") setTimeout(follow, 500);
  }

  async function mine() {
    const { status, answer } = await post("/api/corpus/mine");
    if (status !== 200) { showJob({ state: "failed", message: answer.error, warnings: [] }); return; }
    showJob(answer);
    setTimeout(follow, 300);
  }

  if ($("#upload-go")) $("#upload-go").addEventListener("click", upload);
  if ($("#mine-go")) { $("#mine-go").addEventListener("click", mine); follow(); }
})();
