"""The preview page: one self-contained HTML document laid out like a Slack channel.

Kept in a Python module (not a static file) so it ships with the package. The server renders
every message to HTML with bot.preview.blockkit_html; the script here only places that HTML,
sends what you type or click back to the server, and long-polls /preview/state for changes.
"""

from __future__ import annotations

import html
import re

CSS = r"""
:root {
  --aubergine: #3f0e40; --aubergine-dark: #350d36; --active: #1164a3; --text: #1d1c1d;
  --muted: #616061; --border: #e2e2e2; --link: #1264a3; --green: #007a5a; --red: #e01e5a;
  --hover: #f8f8f8; --app: __APP_COLOR__;
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body {
  font: 15px/1.46668 -apple-system, BlinkMacSystemFont, "Segoe UI", Lato, "Helvetica Neue",
    "Liberation Sans", Arial, sans-serif;
  color: var(--text); display: grid; grid-template-columns: 240px 1fr auto; height: 100vh;
}
button { font: inherit; }
/* sidebar */
.sidebar { background: var(--aubergine); color: #cfc3cf; display: flex; flex-direction: column; }
.workspace { padding: 14px 16px; border-bottom: 1px solid #522653; }
.workspace b { color: #fff; font-size: 18px; display: block; }
.workspace span { font-size: 13px; }
.nav { padding: 12px 0; }
.nav h3 { font-size: 14px; font-weight: 400; margin: 10px 16px 4px; color: #cfc3cf; }
.nav a { display: flex; gap: 8px; align-items: center; padding: 4px 16px; color: #cfc3cf;
  text-decoration: none; cursor: pointer; }
.nav a:hover { background: var(--aubergine-dark); }
.nav a.active { background: var(--active); color: #fff; }
.nav .hash { width: 14px; text-align: center; opacity: .8; }
.nav .dot { width: 9px; height: 9px; border-radius: 50%; background: #2bac76; margin: 0 3px; }
.sidebar footer { margin-top: auto; padding: 12px 16px; font-size: 12px; line-height: 1.4; }
/* main */
main { display: flex; flex-direction: column; min-width: 0; height: 100vh; }
.chan-head { display: flex; align-items: center; gap: 12px; padding: 10px 20px;
  border-bottom: 1px solid var(--border); min-height: 49px; }
.chan-head h1 { font-size: 18px; margin: 0; font-weight: 900; }
.chan-head .topic { color: var(--muted); font-size: 13px; flex: 1; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
.tabs { display: flex; gap: 4px; }
.tabs button { border: 0; background: none; padding: 4px 10px; border-radius: 4px;
  color: var(--muted); cursor: pointer; font-weight: 700; }
.tabs button.on { color: var(--text); box-shadow: inset 0 -2px 0 var(--green); border-radius: 0; }
.head-btn { border: 1px solid #bbb; background: #fff; border-radius: 4px; padding: 4px 12px;
  font-weight: 700; font-size: 13px; cursor: pointer; white-space: nowrap; }
.head-btn:hover { background: var(--hover); }
.scroll { flex: 1; overflow-y: auto; padding: 8px 0 12px; }
.empty { color: var(--muted); padding: 24px 20px; }
.empty code { background: #f4f4f4; border: 1px solid var(--border); border-radius: 3px; padding: 1px 4px; }
/* messages */
.msg { display: flex; gap: 8px; padding: 8px 20px; position: relative; }
.msg:hover { background: var(--hover); }
.msg.ephemeral { background: #f8f8fb; }
.msg.ephemeral:hover { background: #f2f2f7; }
.avatar { width: 36px; height: 36px; border-radius: 6px; flex: none; display: grid;
  place-items: center; color: #fff; font-weight: 900; font-size: 14px; background: var(--app); }
.avatar.user { background: #d07a2d; }
.msg-main { flex: 1; min-width: 0; }
.msg-head { display: flex; gap: 6px; align-items: baseline; }
.msg-head .name { font-weight: 900; }
.badge { font-size: 10px; font-weight: 700; color: var(--muted); background: #e8e8e8;
  border-radius: 2px; padding: 0 3px; text-transform: uppercase; }
.msg-head time { color: var(--muted); font-size: 12px; }
.msg-head .edited { color: var(--muted); font-size: 12px; }
.only-you { color: var(--muted); font-size: 13px; display: flex; gap: 6px; align-items: center;
  margin-bottom: 2px; }
.only-you .eye { display: inline-block; width: 14px; height: 9px; border: 1.5px solid var(--muted);
  border-radius: 50%; position: relative; }
.only-you .eye::after { content: ""; position: absolute; width: 4px; height: 4px; border-radius: 50%;
  background: var(--muted); left: 3.5px; top: 1.2px; }
.only-you a { color: var(--link); cursor: pointer; }
.tools { position: absolute; right: 20px; top: 4px; display: none; gap: 2px; background: #fff;
  border: 1px solid var(--border); border-radius: 6px; padding: 2px; }
.msg:hover .tools { display: flex; }
.tools button { border: 0; background: none; cursor: pointer; font-size: 12px; padding: 2px 6px;
  color: var(--muted); border-radius: 4px; }
.tools button:hover { background: var(--hover); color: var(--text); }
.payload { background: #1d1c1d; color: #e8e8e8; font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace;
  padding: 10px; border-radius: 6px; max-height: 360px; overflow: auto; white-space: pre; margin-top: 6px; }
.replies { display: inline-flex; gap: 6px; align-items: center; margin-top: 4px; color: var(--link);
  font-weight: 700; font-size: 13px; cursor: pointer; border: 1px solid transparent;
  border-radius: 6px; padding: 2px 6px 2px 2px; background: none; }
.replies:hover { border-color: var(--border); background: #fff; }
.replies .mini { width: 20px; height: 20px; border-radius: 4px; background: var(--app); }
.note { margin: 6px 20px; padding: 6px 10px; border-radius: 6px; font-size: 13px;
  background: #fdf6e3; color: #6b5200; border: 1px solid #f2e3b3; }
.note.error { background: #fdecef; color: #8f1030; border-color: #f6c3cf; }
.day { display: flex; align-items: center; margin: 8px 20px; color: var(--muted); font-size: 13px;
  font-weight: 700; }
.day::before, .day::after { content: ""; flex: 1; border-top: 1px solid var(--border); }
.day span { border: 1px solid var(--border); border-radius: 12px; padding: 1px 12px; }
/* composer */
.composer { padding: 0 20px 16px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 8px; }
.chips button { border: 1px solid var(--border); background: #fff; border-radius: 12px;
  padding: 2px 10px; font-size: 13px; color: var(--muted); cursor: pointer;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.chips button:hover { color: var(--text); border-color: #bbb; }
.box { border: 1px solid #bbb; border-radius: 8px; display: flex; align-items: center; }
.box:focus-within { border-color: #868686; box-shadow: 0 0 0 1px #868686; }
.box input { flex: 1; border: 0; outline: 0; padding: 11px 12px; font: inherit; background: none; }
.box button { margin: 4px; border: 0; border-radius: 4px; background: var(--green); color: #fff;
  padding: 5px 12px; font-weight: 700; cursor: pointer; }
.box button:disabled { background: #ddd; color: #888; cursor: default; }
.usage { display: none; border: 1px solid var(--border); border-bottom: 0; border-radius: 8px 8px 0 0;
  padding: 8px 12px; font-size: 13px; background: #fff; box-shadow: 0 -2px 6px rgba(0,0,0,.04); }
.usage.open { display: block; }
.usage b { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.usage span { color: var(--muted); display: block; }
.hint { font-size: 12px; color: var(--muted); margin-top: 4px; min-height: 16px; }
/* thread pane */
.thread { width: 420px; border-left: 1px solid var(--border); display: none; flex-direction: column;
  height: 100vh; }
.thread.open { display: flex; }
.thread .chan-head h1 { font-size: 18px; }
.thread .close { margin-left: auto; border: 0; background: none; font-size: 20px; cursor: pointer;
  color: var(--muted); }
.thread .count { margin: 4px 20px; color: var(--muted); font-size: 13px; display: flex; gap: 8px;
  align-items: center; }
.thread .count::after { content: ""; flex: 1; border-top: 1px solid var(--border); }
/* modal */
.modal-bg { position: fixed; inset: 0; background: rgba(0,0,0,.45); display: none;
  place-items: center; }
.modal-bg.open { display: grid; }
.modal { background: #fff; border-radius: 8px; width: 560px; max-height: 84vh; display: flex;
  flex-direction: column; box-shadow: 0 18px 48px rgba(0,0,0,.35); }
.modal-head { display: flex; align-items: center; padding: 16px 20px 12px 24px;
  border-bottom: 1px solid var(--border); }
.modal-head h2 { margin: 0; font-size: 20px; font-weight: 900; flex: 1; }
.modal-head button { border: 0; background: none; font-size: 22px; cursor: pointer; color: var(--muted); }
#modal-body { padding: 12px 24px; overflow: auto; }
.modal-foot { padding: 12px 24px; border-top: 1px solid var(--border); text-align: right; }
/* Block Kit */
.bk-block { margin: 4px 0; }
.bk-header { font-size: 18px; font-weight: 900; line-height: 1.33; margin: 6px 0 4px; }
.bk-section { display: flex; gap: 12px; align-items: flex-start; }
.bk-section-body { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.bk-accessory { flex: none; }
.bk-accessory-img { width: 88px; height: 88px; border-radius: 6px; object-fit: cover; }
.bk-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 4px; }
.bk-context { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; color: var(--muted);
  font-size: 12px; line-height: 1.5; }
.bk-context-img { width: 18px; height: 18px; border-radius: 4px; }
.bk-divider hr { border: 0; border-top: 1px solid var(--border); margin: 10px 0; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
.bk-button { border: 1px solid #bbb; background: #fff; color: var(--text); border-radius: 4px;
  padding: 0 12px; height: 28px; font-weight: 700; font-size: 13px; cursor: pointer; }
.bk-button:hover { background: var(--hover); box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.bk-button.bk-primary { background: var(--green); border-color: var(--green); color: #fff; }
.bk-button.bk-primary:hover { background: #148567; }
.bk-button.bk-danger { background: var(--red); border-color: var(--red); color: #fff; }
.bk-button:disabled { opacity: .6; cursor: progress; }
.bk-select { border: 1px solid #bbb; background: #fff; border-radius: 4px; height: 28px;
  padding: 0 8px; font: 700 13px/1 inherit; color: var(--text); cursor: pointer; max-width: 260px; }
.bk-overflow { width: 36px; }
.bk-image img, .bk-image .bk-image { max-width: 360px; max-height: 360px; border-radius: 6px; display: block; }
.bk-image-title { font-size: 13px; color: var(--muted); }
.bk-img-missing { display: inline-grid; place-items: center; background: #eee; color: #999;
  width: 24px; height: 24px; border-radius: 4px; }
.bk-unknown { border: 1px dashed #d39e00; background: #fffbea; color: #6b5200; padding: 6px 10px;
  border-radius: 6px; font-size: 13px; margin: 4px 0; }
.bk-unknown pre { margin: 4px 0 0; font-size: 11px; white-space: pre-wrap; max-height: 120px; overflow: auto; }
.bk-mention { background: #e8f5fa; color: var(--link); border-radius: 3px; padding: 0 2px; }
.bk-broadcast { background: #fef3c7; color: #7a5200; }
.bk-block a, .bk-text a, .bk-attachment a { color: var(--link); text-decoration: none; }
.bk-block a:hover, .bk-text a:hover { text-decoration: underline; }
.bk-block code, .bk-text code, .bk-attachment code { color: var(--red); background: #f7f7f9;
  border: 1px solid #e3e3e3; border-radius: 3px; padding: 0 3px; font-size: 12px;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.bk-block pre, .bk-text pre { background: #f8f8f8; border: 1px solid #e3e3e3; border-radius: 4px;
  padding: 8px; white-space: pre-wrap; font: 12px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; margin: 4px 0; }
.bk-block blockquote, .bk-text blockquote { margin: 4px 0; padding-left: 12px; border-left: 4px solid #ddd; }
.bk-md h1, .bk-md h2, .bk-md h3, .bk-md h4 { font-size: 15px; font-weight: 900; margin: 10px 0 2px; }
.bk-md h1 { font-size: 17px; }
.bk-md p { margin: 2px 0 6px; }
.bk-md ul, .bk-md ol, .bk-rt-list { margin: 2px 0 6px; padding-left: 22px; }
.bk-md li { margin: 1px 0; }
.bk-md table { border-collapse: collapse; margin: 6px 0; font-size: 13px; }
.bk-md th, .bk-md td { border: 1px solid var(--border); padding: 3px 8px; text-align: left; }
.bk-attachment { border-left: 4px solid #ddd; padding: 2px 10px; margin: 6px 0; }
.bk-att-title { font-weight: 700; }
.bk-view-title { font-weight: 900; font-size: 18px; margin-bottom: 8px; }
.bk-empty { color: var(--muted); font-style: italic; }
.home { padding: 16px 24px; max-width: 760px; }
"""

JS = r"""
"use strict";
const $ = (s, el = document) => el.querySelector(s);
const APP_NAME = document.body.dataset.appName, APP_INITIALS = document.body.dataset.appInitials;
let state = null, version = -1, view = "channel", openThread = null, shownThread = null, sending = false;
const shownPayloads = new Set();

function esc(s) { const d = document.createElement("div"); d.textContent = s; return d.innerHTML; }

async function post(path, body) {
  const r = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body || {}) });
  return r.json();
}

function messageHTML(m, inThread) {
  const avatar = m.bot ? '<div class="avatar">' + APP_INITIALS + "</div>" : '<div class="avatar user">Y</div>';
  const badge = m.bot ? '<span class="badge">App</span>' : "";
  const only = m.ephemeral
    ? '<div class="only-you"><span class="eye"></span>Only visible to you' +
      ' · <a data-dismiss="' + esc(m.id) + '">Dismiss</a></div>' : "";
  const replies = !inThread && m.reply_count
    ? '<button class="replies" data-thread="' + esc(m.ts) + '"><span class="mini"></span>' +
      m.reply_count + (m.reply_count === 1 ? " reply" : " replies") + "</button>" : "";
  const payload = shownPayloads.has(m.id) ? '<div class="payload">' + esc(m.json) + "</div>" : "";
  return '<div class="msg' + (m.ephemeral ? " ephemeral" : "") + '" data-message-id="' + esc(m.id) +
    '" data-source="' + esc(m.source) + '">' + avatar + '<div class="msg-main">' + only +
    '<div class="msg-head"><span class="name">' + esc(m.author) + "</span>" + badge +
    "<time>" + esc(m.time) + "</time>" +
    '</div><div class="msg-body">' + m.html + "</div>" + replies + payload + "</div>" +
    '<div class="tools"><button data-json="' + esc(m.id) + '" title="The payload the app sent">' +
    (shownPayloads.has(m.id) ? "Hide payload" : "View payload") + "</button></div></div>";
}

function noteHTML(n) {
  return '<div class="note ' + (n.level === "error" ? "error" : "") + '">' + esc(n.text) + "</div>";
}

function channelHTML(messages, notes) {
  const items = messages.map((m) => [parseFloat(m.ts), messageHTML(m, false)])
    .concat(notes.map((n) => [parseFloat(n.ts), noteHTML(n)]))
    .sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  if (!items.length) {
    return '<div class="empty">This is the very beginning of <b>#deepseek-preview</b>. ' +
      "Type <code>/deepseek brief cost</code> below, or pick an example.</div>";
  }
  return '<div class="day"><span>Today</span></div>' + items.join("");
}

function render() {
  if (!state) return;
  const inChannel = view === "channel";
  $("#nav-channel").classList.toggle("active", inChannel);
  $("#nav-app").classList.toggle("active", !inChannel);
  $("#chan-title").textContent = inChannel ? "# deepseek-preview" : APP_NAME;
  $("#chan-topic").textContent = inChannel
    ? "Local preview: the real app answers; nothing is sent to Slack."
    : "The app's Home tab and its direct messages.";
  $("#tabs").style.display = inChannel ? "none" : "flex";
  $("#digest").style.display = inChannel ? "" : "none";
  $("#tab-home").classList.toggle("on", view === "home");
  $("#tab-dm").classList.toggle("on", view === "dm");
  let html;
  if (view === "home") {
    html = '<div class="home" data-message-id="home">' +
      (state.home || '<div class="empty">The app has not published a Home tab.</div>') + "</div>";
  } else if (view === "dm") {
    html = channelHTML(state.dm, []);
  } else {
    html = channelHTML(state.channel, state.notes);
  }
  if (state.app.starting) {
    html = '<div class="note">Starting the app…</div>' + html;
  } else if (!state.app.ready) {
    html = '<div class="note error">The Slack app is not running' +
      (state.app.error ? ": " + esc(state.app.error) : ".") + "</div>" + html;
  }
  $("#messages").innerHTML = html;
  keepBottom();
  const pane = $("#thread");
  const replies = openThread && state.threads[openThread];
  pane.classList.toggle("open", !!replies);
  if (replies) {
    const parent = state.channel.concat(state.dm).find((m) => m.ts === openThread);
    $("#thread-body").innerHTML = (parent ? messageHTML(parent, true) : "") +
      '<div class="count">' + replies.length + (replies.length === 1 ? " reply" : " replies") +
      "</div>" + replies.map((m) => messageHTML(m, true)).join("");
    if (openThread !== shownThread) { const tb = $("#thread-body"); tb.scrollTop = tb.scrollHeight; }
  }
  shownThread = replies ? openThread : null;
  const modal = $("#modal-bg");
  modal.classList.toggle("open", !!state.modal);
  if (state.modal) {
    $("#modal-title").textContent = state.modal.title;
    $("#modal-close").textContent = state.modal.close;
    $("#modal-body").innerHTML = state.modal.html;
  }
}

// Like Slack: stay at the newest message unless you scrolled up to read.
let stick = true;
function keepBottom() { const sc = $("#scroll"); if (stick) sc.scrollTop = sc.scrollHeight; }
$("#scroll").addEventListener("scroll", () => {
  const sc = $("#scroll");
  stick = sc.scrollHeight - sc.scrollTop - sc.clientHeight < 40;
});
new ResizeObserver(keepBottom).observe($("#messages"));
new ResizeObserver(keepBottom).observe($("#scroll"));

async function poll() {
  for (;;) {
    try {
      const r = await fetch("/preview/state?since=" + version);
      const next = await r.json();
      if (next.version !== version) { state = next; version = next.version; render(); }
    } catch (e) {
      $("#hint").textContent = "Lost the preview server; retrying…";
      await new Promise((res) => setTimeout(res, 1000));
    }
  }
}

async function send(text) {
  text = text.trim();
  if (!text || sending) return;
  const hint = $("#hint");
  sending = true; $("#send").disabled = true;
  try {
    if (text.startsWith("/")) {
      const [cmd, ...rest] = text.split(/\s+/);
      if (cmd !== "/deepseek") {
        hint.textContent = cmd + " is not a valid command. This preview has /deepseek.";
        return;
      }
      if (view !== "channel") setView("channel");
      hint.textContent = "Running " + text + " …";
      stick = true;
      const r = await post("/preview/command", { text: text.slice(cmd.length).trim() });
      hint.textContent = r.status === 200 ? "The app answered in " + r.ms + " ms." : "";
    } else {
      await post("/preview/say", { text });
      hint.textContent = "";
    }
    $("#input").value = "";
    $("#usage").classList.remove("open");
  } finally {
    sending = false; $("#send").disabled = false; $("#input").focus();
  }
}

async function act(el, value) {
  const holder = el.closest("[data-message-id]");
  const confirmText = el.dataset.confirm;
  if (confirmText && !window.confirm(confirmText)) return;
  if (el.dataset.url) window.open(el.dataset.url, "_blank", "noopener");
  el.disabled = true;
  const r = await post("/preview/action", {
    message_id: holder ? holder.dataset.messageId : "", block_id: el.dataset.blockId,
    action_id: el.dataset.actionId, value: value,
  });
  el.disabled = false;
  $("#hint").textContent = r.status === 200 ? "The app answered in " + r.ms + " ms." : (r.error || "");
}

function setView(v) {
  view = v;
  if (v === "home") post("/preview/home");
  render();
}

document.addEventListener("click", (ev) => {
  const t = ev.target.closest("button, a");
  if (!t) return;
  if (t.classList.contains("bk-button")) { ev.preventDefault(); act(t, t.dataset.value ?? null); }
  else if (t.dataset.thread) { openThread = t.dataset.thread; render(); }
  else if (t.dataset.dismiss) { post("/preview/dismiss", { message_id: t.dataset.dismiss }); }
  else if (t.dataset.json) {
    const id = t.dataset.json;
    shownPayloads.has(id) ? shownPayloads.delete(id) : shownPayloads.add(id); render();
  }
  else if (t.dataset.example) { $("#input").value = t.dataset.example; send(t.dataset.example); }
});
document.addEventListener("change", (ev) => {
  const t = ev.target;
  if (t.classList && t.classList.contains("bk-select") && t.value) act(t, t.value);
});
$("#input").addEventListener("input", () => {
  const box = $("#usage"), v = $("#input").value, word = v.split(/\s/)[0];
  const show = v.startsWith("/") && ("/deepseek".startsWith(word) || word === "/deepseek") &&
    !/^\/deepseek\s+\S/.test(v);
  box.classList.toggle("open", show);
  if (show) {
    box.innerHTML = "<b>/deepseek " + esc(box.dataset.usage) + "</b><span>" +
      esc(box.dataset.description) + "</span>";
  }
});
$("#composer").addEventListener("submit", (ev) => { ev.preventDefault(); send($("#input").value); });
$("#digest").addEventListener("click", async () => {
  const b = $("#digest"); b.disabled = true; $("#hint").textContent = "Posting the digest…";
  stick = true;
  const r = await post("/preview/digest");
  b.disabled = false; $("#hint").textContent = r.ok ? r.message : "";
});
$("#thread-close").addEventListener("click", () => { openThread = null; render(); });
const closeModal = () => post("/preview/close-modal");
$("#modal-close").addEventListener("click", closeModal);
$("#modal-x").addEventListener("click", closeModal);
$("#modal-bg").addEventListener("click", (ev) => { if (ev.target.id === "modal-bg") closeModal(); });
document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && state && state.modal) closeModal(); });
$("#nav-channel").addEventListener("click", () => setView("channel"));
$("#nav-app").addEventListener("click", () => setView("home"));
$("#tab-home").addEventListener("click", () => setView("home"));
$("#tab-dm").addEventListener("click", () => setView("dm"));
poll();
$("#input").focus();
"""

EXAMPLES = (
    "/deepseek help",
    "/deepseek brief",
    "/deepseek brief cost",
    "/deepseek topics",
    "/deepseek sources",
    "/deepseek digest preview",
)


def _examples() -> str:
    return "".join(f'<button type="button" data-example="{e}">{e}</button>' for e in EXAMPLES)


PAGE_TEMPLATE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'nonce-__NONCE__'; style-src 'unsafe-inline'; img-src https: http: data:; connect-src 'self'">
<link rel="icon" href="data:,">
<title>#deepseek-preview · __APP_NAME__ preview</title>
<style>{CSS}</style>
</head>
<body data-app-name="__APP_NAME__" data-app-initials="__APP_INITIALS__">
<nav class="sidebar">
  <div class="workspace"><b>DeepSeek preview</b><span>Local · not connected to Slack</span></div>
  <div class="nav">
    <h3>Channels</h3>
    <a id="nav-channel" class="active"><span class="hash">#</span>deepseek-preview</a>
    <h3>Apps</h3>
    <a id="nav-app"><span class="dot"></span>__APP_NAME__</a>
  </div>
  <footer>Replies come from the real app, signed like Slack's requests. Its Web API calls land here.</footer>
</nav>
<main>
  <header class="chan-head">
    <h1 id="chan-title"># deepseek-preview</h1>
    <div class="tabs" id="tabs" style="display:none">
      <button id="tab-home" type="button">Home</button><button id="tab-dm" type="button">Messages</button>
    </div>
    <span class="topic" id="chan-topic"></span>
    <button class="head-btn" id="digest" type="button">Post digest now</button>
  </header>
  <div class="scroll" id="scroll"><div id="messages"></div></div>
  <div class="composer">
    <div class="chips">{_examples()}</div>
    <div class="usage" id="usage" data-usage="__USAGE__" data-description="__DESCRIPTION__"></div>
    <form id="composer" class="box" autocomplete="off">
      <input id="input" name="text" placeholder="Message #deepseek-preview (try /deepseek brief cost)" aria-label="Message">
      <button id="send" type="submit">Send</button>
    </form>
    <div class="hint" id="hint" role="status"></div>
  </div>
</main>
<aside class="thread" id="thread">
  <header class="chan-head"><h1>Thread</h1><span class="topic"># deepseek-preview</span>
    <button class="close" id="thread-close" type="button" aria-label="Close thread">×</button></header>
  <div class="scroll" id="thread-body"></div>
</aside>
<div class="modal-bg" id="modal-bg"><div class="modal" role="dialog" aria-labelledby="modal-title">
  <div class="modal-head"><h2 id="modal-title"></h2><button id="modal-x" type="button" aria-label="Close">×</button></div>
  <div id="modal-body" data-message-id="modal"></div>
  <div class="modal-foot"><button class="bk-button" id="modal-close" type="button">Close</button></div></div></div>
<script nonce="__NONCE__">{JS}</script>
</body>
</html>
"""


def page_html(
    nonce: str,
    *,
    app_name: str = "DeepSeek Briefings",
    color: str = "#1f3a5f",
    usage: str = "",
    description: str = "",
) -> str:
    """The page, with a fresh script nonce (only this page's own script may run) and the
    app's name, colour and command usage from its manifest."""
    initials = "".join(w[0] for w in app_name.split()[:2]).upper() or "A"
    values = {
        "__NONCE__": nonce,
        "__APP_NAME__": html.escape(app_name),
        "__APP_INITIALS__": html.escape(initials),
        "__APP_COLOR__": color if re.fullmatch(r"#[0-9a-fA-F]{6}", color) else "#1f3a5f",
        "__USAGE__": html.escape(usage, quote=True),
        "__DESCRIPTION__": html.escape(description, quote=True),
    }
    page = PAGE_TEMPLATE
    for key, value in values.items():
        page = page.replace(key, value)
    return page
