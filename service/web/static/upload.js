// Upload page: one request per file to POST /api/documents, with per-file and overall progress.
"use strict";
(function () {
  const form = document.getElementById("upload-form");
  const input = document.getElementById("files");
  const tokenInput = document.getElementById("token");
  const rows = document.getElementById("upload-rows");
  const overall = document.getElementById("overall");
  const overallText = document.getElementById("overall-text");
  const panel = document.getElementById("progress");
  const TOKEN_KEY = "kehoach.apiToken";
  if (!form || !input) return;

  tokenInput.value = localStorage.getItem(TOKEN_KEY) || "";
  function saveToken() {
    if (tokenInput.value) localStorage.setItem(TOKEN_KEY, tokenInput.value);
    else localStorage.removeItem(TOKEN_KEY);
  }
  tokenInput.addEventListener("change", saveToken);

  function cell(tr, content) {
    const td = document.createElement("td");
    if (content instanceof Node) td.appendChild(content); else td.textContent = content;
    tr.appendChild(td);
    return td;
  }

  function describe(xhr) {
    let body = null;
    try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
    if (xhr.status === 401) return { state: "error", message: "Cần API token hợp lệ" };
    if (body && body.documents && body.documents.length) {
      const d = body.documents[0];
      return { state: d.created ? "stored" : "duplicate", id: d.id,
               message: d.created ? "Đã lưu" : "Đã có sẵn (trùng)" };
    }
    if (body && body.errors && body.errors.length) return { state: "error", message: "Lỗi: " + body.errors[0].message };
    if (body && typeof body.detail === "string") return { state: "error", message: "Lỗi: " + body.detail };
    return { state: "error", message: "Lỗi máy chủ (" + xhr.status + ")" };
  }

  function uploadOne(file, row, onProgress) {
    return new Promise(function (resolve) {
      const xhr = new XMLHttpRequest();
      const data = new FormData();
      data.append("files", file, file.name);
      xhr.open("POST", "/api/documents");
      if (tokenInput.value) xhr.setRequestHeader("Authorization", "Bearer " + tokenInput.value);
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { row.bar.value = e.loaded / e.total; onProgress(e.loaded / e.total); }
      });
      xhr.upload.addEventListener("load", function () { row.result.textContent = "Đang phân tích…"; });
      xhr.addEventListener("load", function () { resolve(describe(xhr)); });
      xhr.addEventListener("error", function () { resolve({ state: "error", message: "Lỗi mạng" }); });
      xhr.send(data);
    });
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    saveToken();
    const files = Array.from(input.files);
    if (!files.length) return;
    panel.hidden = false;
    overall.dataset.state = "running";
    const totalBytes = files.reduce(function (s, f) { return s + Math.max(f.size, 1); }, 0);
    let doneBytes = 0;
    const made = files.map(function (file) {
      const tr = document.createElement("tr");
      const bar = document.createElement("progress");
      bar.max = 1; bar.value = 0;
      cell(tr, file.name);
      cell(tr, bar);
      const result = cell(tr, "Đang chờ");
      rows.appendChild(tr);
      return { tr: tr, bar: bar, result: result };
    });
    let finished = 0;
    for (let i = 0; i < files.length; i++) {
      const size = Math.max(files[i].size, 1);
      const row = made[i];
      row.result.textContent = "Đang tải lên…";
      const outcome = await uploadOne(files[i], row, function (share) {
        overall.value = (doneBytes + share * size) / totalBytes;
      });
      doneBytes += size;
      finished += 1;
      row.bar.value = 1;
      overall.value = doneBytes / totalBytes;
      overallText.textContent = finished + "/" + files.length + " tệp";
      row.tr.className = "state-" + outcome.state;
      row.result.textContent = outcome.message;
      if (outcome.id) {
        const link = document.createElement("a");
        link.href = "/documents/" + outcome.id;
        link.textContent = "xem văn bản";
        row.result.append(" – ", link);
      }
    }
    overall.dataset.state = "done";
    overallText.textContent = "Hoàn tất: " + finished + "/" + files.length + " tệp";
    form.reset();
    tokenInput.value = localStorage.getItem(TOKEN_KEY) || "";
  });
})();
