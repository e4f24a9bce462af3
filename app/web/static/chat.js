// The chat page: no framework, no build step, no inline script (the page's CSP allows none).
(function () {
  "use strict";
  var log = document.getElementById("log");
  if (!log) return;
  var id = log.getAttribute("data-assessment");
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var send = document.getElementById("send");
  var buttons = document.getElementById("buttons");
  var status = document.getElementById("status");
  var progress = document.getElementById("progress");
  var progressText = document.getElementById("progress-text");
  var pending = null; // {text, id}: the message not yet confirmed as recorded
  var busy = false;

  function newId() {
    var a = new Uint8Array(12);
    window.crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function bubble(role, text) {
    var div = document.createElement("div");
    div.className = "msg " + role;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function showButtons(list) {
    buttons.textContent = "";
    (list || []).forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "choice";
      btn.textContent = b.title;
      btn.addEventListener("click", function () { submit(b.payload, b.title); });
      buttons.appendChild(btn);
    });
  }

  function custom(c) {
    if (!c) return;
    if (c.progress && progress) {
      progress.max = c.progress[1];
      progress.value = Math.max(0, c.progress[0] - 1);
      progressText.textContent = "第 " + c.progress[0] + " / " + c.progress[1] + " 项";
    }
    if (c.report) {
      var p = document.createElement("p");
      p.className = "msg bot";
      var a = document.createElement("a");
      a.href = "/assessments/" + id + "/report";
      a.textContent = c.final ? "查看完整的差距报告" : "查看临时报告";
      p.appendChild(a);
      log.appendChild(p);
      log.scrollTop = log.scrollHeight; // the link is the last thing said: keep it in view
      if (c.final && progress) { progress.value = progress.max; progressText.textContent = "已完成"; }
    }
  }

  function render(messages) {
    var last = [];
    (messages || []).forEach(function (m) {
      if (m.text) bubble("bot", m.text);
      if (m.buttons && m.buttons.length) last = m.buttons;
      custom(m.custom);
    });
    showButtons(last);
  }

  function setStatus(text, kind) {
    status.textContent = text || "";
    status.className = "status" + (kind ? " " + kind : "");
  }

  function submit(message, shown) {
    if (busy) return;
    if (!pending || pending.text !== message) pending = { text: message, id: newId() };
    busy = true;
    send.disabled = true;
    setStatus("发送中……");
    var mine = bubble("unit", shown || message);
    fetch("/assessments/" + id + "/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      credentials: "same-origin",
      body: JSON.stringify({ message: pending.text, message_id: pending.id })
    }).then(function (r) {
      return r.json().catch(function () { return { ok: false, error: "助手暂时没有响应，刚才这条消息没有记录。请稍后重新发送。" }; });
    }).then(function (data) {
      if (data.ok) {
        pending = null;
        input.value = "";
        setStatus("");
        render(data.messages);
      } else {
        mine.classList.add("failed");
        setStatus(data.error || "刚才这条消息没有记录，请重新发送。", "error");
        if (!shown) input.value = message; // keep the unit's words to send again
      }
    }).catch(function () {
      mine.classList.add("failed");
      setStatus("网络中断，刚才这条消息没有记录。请检查网络后重新发送。", "error");
      if (!shown) input.value = message;
    }).then(function () {
      busy = false;
      send.disabled = false;
      input.focus();
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    if (text.length > 1000) { setStatus("消息太长了（最多 1000 字），请分几次发送。", "error"); return; }
    submit(text);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });

  // after a reload: what was said so far, then the current question again
  fetch("/assessments/" + id + "/chat/state", { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      (data.transcript || []).forEach(function (m) {
        if (m.role === "unit") { if (m.text) bubble("unit", m.text); }
        else { if (m.text) bubble("bot", m.text); custom(m.custom); }
      });
      if (data.transcript && data.transcript.length) bubble("note", "—— 接着上次的进度 ——");
      render(data.prompt);
    })
    .catch(function () { setStatus("暂时连不上服务器，请稍后刷新页面。", "error"); });
})();
