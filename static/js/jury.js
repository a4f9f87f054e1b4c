/* Draft autosave of the jury's scoring form; the form works without it.
   While the review is a draft, changed fields are sent to the autosave
   endpoint every 20 seconds and when a field loses focus. The answer carries
   the review's new version, which goes into the form's hidden field, so the
   next save (manual or automatic) is checked against it: a save from another
   tab in between is refused by the server, never silently overwritten.
   Also moves focus to the error summary when the page shows one, and shows
   the running weighted total as points are entered. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-jury-error-summary]");
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
  var version = form.querySelector("input[name=version]");
  var INTERVAL = 20000;
  var dirty = false;
  var saving = false;
  var stopped = false;
  var waitingSubmit = null;

  function done() {
    saving = false;
    // A click on a button while a save was on its way: send the form now,
    // with the version that save returned.
    if (waitingSubmit) {
      var submitter = waitingSubmit;
      waitingSubmit = null;
      if (form.requestSubmit) form.requestSubmit(submitter.nodeName ? submitter : undefined);
      else form.submit();
    }
  }

  function say(message) {
    if (status) status.textContent = message;
  }

  function save() {
    if (!dirty || saving || stopped) return;
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.delete("action");
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest", "Accept": "application/json" }
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, status: response.status, body: body };
        });
      })
      .then(function (result) {
        if (result.ok) {
          version.value = result.body.version;
          say(result.body.message);
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
        done();
      });
  }

  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  form.addEventListener("focusout", function (event) {
    if (event.target.matches("input, textarea, select")) save();
  });
  form.addEventListener("submit", function (event) {
    stopped = true;
    if (saving) {
      event.preventDefault();
      waitingSubmit = event.submitter || true;
    }
  });
  window.setInterval(save, INTERVAL);
})();
