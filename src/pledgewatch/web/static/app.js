// pledgewatch: small enhancements only; every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  reviewShortcuts();
  selectAll();
  uploadProgress();
});

function typing(event) {
  const el = event.target;
  return el && (el.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName));
}

// One fact at a time: A accept, R reject, E edit (focus the first correction field),
// S or J skip, K back to the queue. Keys are ignored while typing in a field.
function reviewShortcuts() {
  const form = document.getElementById("review-form");
  if (!form) return;
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
    const key = event.key.toLowerCase();
    const click = (selector) => {
      const el = form.querySelector(selector);
      if (el) { event.preventDefault(); el.click(); }
    };
    if (key === "a") click('[data-key="a"]');
    else if (key === "r") click('[data-key="r"]');
    else if (key === "s" || key === "j") click('[data-key="s"]');
    else if (key === "k") {
      const back = document.getElementById("back-to-queue");
      if (back) { event.preventDefault(); back.click(); }
    } else if (key === "e") {
      const field = form.querySelector("#correct select, #correct input");
      if (field) { event.preventDefault(); field.focus(); }
    }
  });
}

function selectAll() {
  document.querySelectorAll("input.select-all").forEach((box) => {
    box.addEventListener("change", () => {
      const form = box.closest("form");
      form.querySelectorAll(`input[name="${box.dataset.target}"]`).forEach((b) => {
        b.checked = box.checked;
      });
    });
  });
}

// Upload: each file is sent on its own to /api/v1/documents, with a progress bar while it
// uploads and its result (added, duplicate, failed) when the server has read it.
function uploadProgress() {
  const form = document.getElementById("upload-form");
  const panel = document.getElementById("upload-progress");
  if (!form || !panel || !window.XMLHttpRequest || !window.FormData) return;
  form.addEventListener("submit", async (event) => {
    const input = form.querySelector('input[type="file"]');
    if (!input.files.length) return;
    event.preventDefault();
    const old = document.getElementById("upload-results");
    if (old) old.closest("table").remove();
    panel.hidden = false;
    panel.textContent = "";
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    for (const file of Array.from(input.files)) {
      await sendOne(file, form.dataset.csrf, panel);
    }
    button.disabled = false;
    form.reset();
  });
}

function sendOne(file, csrf, panel) {
  const row = document.createElement("div");
  row.className = "progress-row";
  const name = document.createElement("span");
  name.textContent = file.name;
  const state = document.createElement("span");
  state.className = "muted";
  state.textContent = panel.dataset.uploading;
  const bar = document.createElement("progress");
  bar.max = 100;
  bar.value = 0;
  row.append(name, state, bar);
  panel.append(row);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/documents");
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
    });
    xhr.upload.addEventListener("load", () => {
      bar.value = 100;
      state.textContent = panel.dataset.processing;
    });
    xhr.addEventListener("load", () => {
      let result = null;
      try { result = JSON.parse(xhr.responseText); } catch (_) { result = null; }
      state.textContent = "";
      row.dataset.status = "failed";
      if (xhr.status === 200 && Array.isArray(result) && result.length) {
        showResult(state, result[0], panel);
        row.dataset.status = result[0].status;
      } else {
        const detail = result && result.detail ? JSON.stringify(result.detail) : xhr.statusText;
        showResult(state, { status: "failed", error: `${xhr.status} ${detail}` }, panel);
      }
      resolve();
    });
    xhr.addEventListener("error", () => {
      showResult(state, { status: "failed", error: "network error" }, panel);
      resolve();
    });
    const body = new FormData();
    body.append("files", file, file.name);
    xhr.send(body);
  });
}

function showResult(cell, result, panel) {
  const badge = document.createElement("span");
  badge.className = `badge status-${result.status}`;
  badge.textContent = panel.dataset[result.status] || result.status;
  cell.append(badge);
  if (result.document) {
    cell.append(" ");
    const link = document.createElement("a");
    link.href = `/documents/${encodeURIComponent(result.document)}`;
    link.textContent = panel.dataset.open;
    cell.append(link);
  }
  if (result.status === "added") {
    const found = (panel.dataset.found || "{entities} / {facts}")
      .replace("{entities}", result.entities)
      .replace("{facts}", result.facts);
    cell.append(` · ${found}`);
  }
  if (result.error) {
    const err = document.createElement("span");
    err.className = "error";
    err.textContent = ` ${result.error}`;
    cell.append(err);
  }
}
