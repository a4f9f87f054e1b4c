/* Draft autosave of the jury's scoring form; the form works without it.
   While the review is a draft, changed fields are sent to the autosave
   endpoint when the juror pauses typing, when a field loses focus, every 20
   seconds, and when the page is hidden or left. The answer carries the
   review's new version, which goes into the form's hidden field, so the next
   save (manual or automatic) is checked against it: a save from another tab
   in between is refused by the server, never silently overwritten. One save
   at a time: edits made while one is on its way are queued and sent, with
   the version it returns, as soon as it is answered. The line at the top of
   the screen follows the draft's state.
   Also moves focus to the error summary's heading when the page shows one, and shows
   the running weighted total as points are entered. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary] h2");
  if (summary) summary.focus();

  // The running weighted total as points are entered: sum(w * points) out of
  // sum(w * max), as competition/scoring.py counts a juror's total.
  var total = document.querySelector("[data-jury-total]");
  var pointInputs = document.querySelectorAll("input[data-weight]");
  function showTotal() {
    var points = 0;
    var max = 0;
    pointInputs.forEach(function (input) {
      var weight = parseFloat(input.getAttribute("data-weight"));
      var top = parseInt(input.getAttribute("max"), 10);
      var value = parseInt(input.value, 10);
      max += weight * top;
      if (!isNaN(value) && value >= 0 && value <= top) points += weight * value;
    });
    var format = function (number) {
      return (Math.round(number * 100) / 100).toLocaleString(document.documentElement.lang || "pl");
    };
    total.textContent = total.getAttribute("data-template")
      .replace("{points}", format(points))
      .replace("{max}", format(max))
      .replace("{percent}", format(max ? (points / max) * 100 : 0) + "%");
    total.hidden = false;
  }
  if (total && pointInputs.length) {
    pointInputs.forEach(function (input) { input.addEventListener("input", showTotal); });
    showTotal();
  }

  var form = document.querySelector("[data-jury-review]");
  if (!form || form.hasAttribute("data-autosave-off") || !window.fetch) return;
  var url = form.getAttribute("data-autosave-url");
  var status = form.querySelector("[data-autosave-status]");
  var stateLine = document.querySelector("[data-review-state]");
  var version = form.querySelector("input[name=version]");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  var INTERVAL = 20000;
  var PAUSE = 2000; // a pause in typing long enough to save
  // Browsers refuse a keepalive request whose body is over 64 KiB.
  var KEEPALIVE_LIMIT = 60000;
  var dirty = false;
  var saving = false;
  var queued = false;
  var sentVersion = null; // the version the save on its way was made from
  var stopped = false;
  var waitingSubmit = null;
  var pauseTimer = null;
  // This page's id: the server notes which screen's autosave made a version,
  // so this screen's last save may follow its own save still on the way.
  var pageId = Array.prototype.map.call(
    window.crypto.getRandomValues(new Uint8Array(16)),
    function (byte) { return ("0" + byte.toString(16)).slice(-2); }
  ).join("");

  function say(message) {
    if (status) status.textContent = message;
  }

  function body() {
    var data = new FormData(form);
    data.delete("action");
    data.set("page", pageId);
    return new URLSearchParams(data).toString();
  }

  // keepalive: a save already on its way still arrives when the juror
  // leaves the page (a click on a link saves on focusout, then navigates).
  function send(payload) {
    return fetch(url, {
      method: "POST",
      body: payload,
      credentials: "same-origin",
      keepalive: payload.length < KEEPALIVE_LIMIT,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        "X-CSRFToken": token ? token.value : "",
        "X-Requested-With": "XMLHttpRequest",
        "Accept": "application/json"
      }
    });
  }

  function done() {
    saving = false;
    sentVersion = null;
    // A click on a button while a save was on its way: send the form now,
    // with the version that save returned.
    if (waitingSubmit) {
      var submitter = waitingSubmit;
      waitingSubmit = null;
      if (form.requestSubmit) form.requestSubmit(submitter.nodeName ? submitter : undefined);
      else form.submit();
      return;
    }
    // Edits made while that save was on its way: saved now, from the version
    // it returned (never skipped, never sent twice from the same version).
    if (queued) {
      queued = false;
      save();
    }
  }

  function save() {
    if (!dirty || stopped) return;
    if (saving) {
      queued = true;
      return;
    }
    saving = true;
    dirty = false;
    sentVersion = version.value;
    send(body())
      .then(function (response) {
        return response.json().then(function (answer) {
          return { ok: response.ok, status: response.status, body: answer };
        });
      })
      .then(function (result) {
        if (result.ok) {
          version.value = result.body.version;
          say(result.body.message);
          if (stateLine && result.body.state) stateLine.textContent = result.body.state;
        } else {
          say(result.body.message || "");
          if (result.status === 400) {
            dirty = true; // try again once the juror corrects the field
          } else {
            stopped = true; // stale, closed or submitted: the juror must act
          }
        }
        done();
      })
      .catch(function () {
        dirty = true;
        queued = false; // offline: the next pause, blur or tick tries again
        done();
      });
  }

  // The page is going away (tab closed, link followed): what is not saved yet
  // goes now, in a request that outlives the page.
  function leave() {
    if (!dirty || stopped) return;
    if (!saving) {
      save();
      return;
    }
    // A save is on its way and its answer will never be heard: send the
    // latest fields from the version that save started from, as following
    // it. Whichever the server meets first, these fields are the ones kept;
    // a save from anywhere else in between still makes this one stale.
    var data = new URLSearchParams(body());
    data.set("version", sentVersion);
    data.set("follows", "1");
    var payload = data.toString();
    try {
      send(payload).catch(function () {});
    } catch (error) {
      if (navigator.sendBeacon) {
        navigator.sendBeacon(url, new Blob([payload], {
          type: "application/x-www-form-urlencoded;charset=UTF-8"
        }));
      }
    }
    dirty = false;
    queued = false;
  }

  form.addEventListener("input", function () {
    dirty = true;
    window.clearTimeout(pauseTimer);
    pauseTimer = window.setTimeout(save, PAUSE);
  });
  form.addEventListener("change", function () { dirty = true; });
  form.addEventListener("focusout", function (event) {
    if (event.target.matches("input, textarea, select")) save();
  });
  form.addEventListener("submit", function (event) {
    stopped = true;
    window.clearTimeout(pauseTimer);
    if (saving) {
      event.preventDefault();
      waitingSubmit = event.submitter || true;
    }
  });
  // Hidden (another tab, another app): the page may come back, so the usual
  // queue; it may also never come back, so now rather than at the next tick.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") save();
  });
  window.addEventListener("pagehide", leave);
  window.setInterval(save, INTERVAL);
})();
