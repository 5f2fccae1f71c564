// Passkeys (WebAuthn): add one from the account page, or use one where a code is asked.
// A button with data-passkey="register" or "verify" starts it; no inline script (the CSP has none).
(function () {
  "use strict";
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var status = document.getElementById("passkey-status");

  function toBytes(text) {
    var raw = window.atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes.buffer;
  }
  function toText(buffer) {
    var bytes = new Uint8Array(buffer), raw = "";
    for (var i = 0; i < bytes.length; i++) { raw += String.fromCharCode(bytes[i]); }
    return window.btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body)
    }).then(function (response) { return response.json(); });
  }
  function allowed(list) {
    return (list || []).map(function (c) { return { type: c.type, id: toBytes(c.id), transports: c.transports }; });
  }
  function show(answer) {
    if (answer.next) { window.location.assign(answer.next); return; }
    status.textContent = answer.error || "";
  }

  function register(button) {
    post(button.dataset.options, {}).then(function (options) {
      if (options.error) { return show(options); }
      options.challenge = toBytes(options.challenge);
      options.user.id = toBytes(options.user.id);
      options.excludeCredentials = allowed(options.excludeCredentials);
      return navigator.credentials.create({ publicKey: options }).then(function (made) {
        var name = document.getElementById("passkey-name");
        return post(button.dataset.endpoint, {
          name: name ? name.value : "",
          credential: {
            id: made.id, rawId: toText(made.rawId), type: made.type,
            response: {
              clientDataJSON: toText(made.response.clientDataJSON),
              attestationObject: toText(made.response.attestationObject),
              transports: made.response.getTransports ? made.response.getTransports() : []
            }
          }
        }).then(show);
      });
    }).catch(function (error) { status.textContent = String(error && error.name || error); });
  }

  function verify(button) {
    post(button.dataset.options, {}).then(function (options) {
      if (options.error) { return show(options); }
      options.challenge = toBytes(options.challenge);
      options.allowCredentials = allowed(options.allowCredentials);
      return navigator.credentials.get({ publicKey: options }).then(function (got) {
        return post(button.dataset.endpoint, {
          next: button.dataset.next || "/account",
          credential: {
            id: got.id, rawId: toText(got.rawId), type: got.type,
            response: {
              clientDataJSON: toText(got.response.clientDataJSON),
              authenticatorData: toText(got.response.authenticatorData),
              signature: toText(got.response.signature),
              userHandle: got.response.userHandle ? toText(got.response.userHandle) : null
            }
          }
        }).then(show);
      });
    }).catch(function (error) { status.textContent = String(error && error.name || error); });
  }

  document.querySelectorAll("[data-passkey]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      (button.dataset.passkey === "register" ? register : verify)(button);
    });
  });
})();
