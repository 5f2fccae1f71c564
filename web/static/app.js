// The dashboard's shell: the Telegram Mini App bridge (theme colours, back button, haptics), the sites
// list (card colours, confirmations, creating a site with its sections streaming in), the service worker.
// Plain script, no inline code anywhere (the CSP forbids it).
(function () {
  "use strict";
  var store = window.sessionStorage;

  // -- Telegram: the Web App API's events, posted the way Telegram's own script posts them ------------
  var inTelegram = !!(window.TelegramWebviewProxy || store.getItem("pm-tg") || (window.external && "notify" in window.external));
  function postEvent(type, data) {
    var payload = JSON.stringify(data || {});
    try {
      if (window.TelegramWebviewProxy) { window.TelegramWebviewProxy.postEvent(type, payload); }
      else if (window.parent !== window && inTelegram) {
        window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data || {} }), "https://web.telegram.org");
      }
    } catch (e) { /* not inside Telegram */ }
  }
  var handlers = {};
  function onEvent(type, handler) { handlers[type] = handler; }
  function receive(type, data) { if (handlers[type]) { handlers[type](data); } }
  window.Telegram = window.Telegram || {};
  window.Telegram.WebView = window.Telegram.WebView || { receiveEvent: receive };
  window.addEventListener("message", function (event) {
    if (event.origin !== "https://web.telegram.org") { return; }
    try { var m = JSON.parse(event.data); receive(m.eventType, m.eventData); } catch (e) { /* ignore */ }
  });
  function haptic(kind) {
    if (!inTelegram) { return; }
    var data = kind === "error" || kind === "success" ? { type: "notification", notification_type: kind }
      : { type: "impact", impact_style: kind || "light" };
    postEvent("web_app_trigger_haptic_feedback", data);
  }
  function applyTheme(params) {
    var map = { bg_color: "--bg", text_color: "--fg", hint_color: "--muted", link_color: "--accent",
      button_color: "--button", button_text_color: "--button-fg", secondary_bg_color: "--surface" };
    Object.keys(map).forEach(function (key) {
      if (params && /^#[0-9a-fA-F]{6}$/.test(params[key] || "")) {
        document.documentElement.style.setProperty(map[key], params[key]);
      }
    });
  }
  window.pm = { haptic: haptic, postEvent: postEvent, inTelegram: inTelegram };
  if (inTelegram) {
    document.documentElement.classList.add("tg");
    try { applyTheme(JSON.parse(store.getItem("pm-tg-theme") || "{}")); } catch (e) { /* no theme */ }
    onEvent("theme_changed", function (data) {
      if (data && data.theme_params) { store.setItem("pm-tg-theme", JSON.stringify(data.theme_params)); applyTheme(data.theme_params); }
    });
    postEvent("web_app_ready");
    postEvent("web_app_expand");
    var back = document.body.dataset.back;
    postEvent("web_app_setup_back_button", { is_visible: !!back });
    onEvent("back_button_pressed", function () { if (back) { window.location.href = back; } });
  }

  // -- the sites list -----------------------------------------------------------------------------
  document.querySelectorAll(".thumb[data-bg]").forEach(function (el) {
    el.style.backgroundColor = el.dataset.bg;
    el.style.color = el.dataset.fg;
    el.style.borderColor = el.dataset.accent;
    var line = el.querySelector(".thumb-line");
    if (line) { line.style.backgroundColor = el.dataset.accent; }
  });
  document.querySelectorAll("form.confirm").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); } else { haptic("medium"); }
    });
  });
  var create = document.getElementById("create");
  if (create) {
    create.addEventListener("submit", function (event) {
      event.preventDefault();
      var progress = document.getElementById("progress");
      var button = document.getElementById("create-button");
      var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
      button.disabled = true;
      progress.textContent = "";
      haptic("light");
      fetch("/app/sites", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ description: document.getElementById("description").value })
      }).then(function (response) {
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = "";
        function show(line) {
          if (!line.trim()) { return; }
          var event = JSON.parse(line);
          var item = document.createElement("li");
          item.textContent = event.error || event.text || "";
          if (event.error) { item.className = "error"; button.disabled = false; haptic("error"); }
          progress.appendChild(item);
          if (event.done && event.editor) { haptic("success"); window.location.href = event.editor; }
        }
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { show(buffer); button.disabled = false; return; }
            buffer += decoder.decode(chunk.value, { stream: true });
            var lines = buffer.split("\n");
            buffer = lines.pop();
            lines.forEach(show);
            return pump();
          });
        }
        return pump();
      }).catch(function () { button.disabled = false; });
    });
  }
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/app/sw.js", { scope: "/app/" }).catch(function () { /* optional */ });
  }
})();
