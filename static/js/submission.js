/* Progressive enhancements of the submission form; it works without them.
   - a live character counter under every answer with a limit;
   - the nominee's contact fields shown only for a third-party nomination;
   - the running entity field shown only for CIS/KIS/WTZ/ZAZ;
   - an upload progress bar: the form is sent with XMLHttpRequest and the
     server's answer (receipt, or the form with its errors) replaces the page;
   - a warning before leaving with unsaved changes, and links in the clause's
     rich text opened in a new tab like the page's own links. */
(function () {
  "use strict";
  var form = document.querySelector("[data-entry-form]");
  if (!form) return;
  var lang = document.documentElement.lang || "pl";
  var text = {
    pl: {
      left: function (n) { return "Zostało znaków: " + n; },
      over: function (n) { return "Za długo o " + n + " zn."; },
      sending: function (p) { return "Wysłano " + p + "%"; },
      failed: "Nie udało się połączyć z serwerem. Sprawdź połączenie i wyślij ponownie – dane są w formularzu."
    },
    en: {
      left: function (n) { return "Characters left: " + n; },
      over: function (n) { return "Too long by " + n; },
      sending: function (p) { return "Sent " + p + "%"; },
      failed: "Could not reach the server. Check your connection and send again – your data is still in the form."
    }
  }[lang.slice(0, 2)] || null;
  if (!text) return;

  // Character counters; announced politely, at most once a second.
  form.querySelectorAll("textarea[data-max-length]").forEach(function (area) {
    var max = parseInt(area.getAttribute("data-max-length"), 10);
    var counter = document.createElement("p");
    counter.className = "char-counter";
    counter.id = area.id + "_counter";
    counter.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", counter);
    var described = area.getAttribute("aria-describedby");
    area.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    var timer = null;
    function update() {
      var left = max - area.value.length;
      counter.textContent = left >= 0 ? text.left(left) : text.over(-left);
      counter.classList.toggle("char-counter--over", left < 0);
    }
    area.addEventListener("input", function () {
      if (timer) return;
      timer = setTimeout(function () { timer = null; update(); }, 400);
    });
    update();
  });

  function toggleGroup(selector, show) {
    form.querySelectorAll(selector).forEach(function (el) { el.hidden = !show; });
  }
  function nominationChanged() {
    var checked = form.querySelector("[data-controls-nomination]:checked");
    toggleGroup("[data-shown-for-nomination]", checked && checked.value === "third_party");
  }
  form.querySelectorAll("[data-controls-nomination]").forEach(function (radio) {
    radio.addEventListener("change", nominationChanged);
  });
  // Keep fields with errors visible whatever the choice.
  if (!form.querySelector("[data-shown-for-nomination] .form-field--error")) nominationChanged();

  var legalForm = form.querySelector("select[name=legal_form]");
  var runningEntity = form.querySelector(".depends-on-legal-form");
  function legalFormChanged() {
    if (!runningEntity || runningEntity.classList.contains("form-field--error")) return;
    runningEntity.hidden = ["cis", "kis", "wtz", "zaz"].indexOf(legalForm.value) === -1;
  }
  if (legalForm && runningEntity) {
    legalForm.addEventListener("change", legalFormChanged);
    legalFormChanged();
  }

  // Unsaved changes: typed since the page loaded, or a form the server sent
  // back (errors, refusal) that no draft holds. Sending or saving a draft is
  // not leaving; the browser shows its own wording (custom text is ignored).
  var unsaved = form.hasAttribute("data-unsaved");
  function changed() { unsaved = true; }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () { unsaved = false; });
  window.addEventListener("beforeunload", function (event) {
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = ""; // older Chromium and Safari need it set
  });

  var marker = document.querySelector("template[data-new-tab-marker]");
  if (marker) {
    form.querySelectorAll(".clause__text a[href]").forEach(function (link) {
      if (link.getAttribute("href").charAt(0) === "#") return;
      link.target = "_blank";
      link.relList.add("noopener");
      link.appendChild(marker.content.cloneNode(true));
    });
  }

  // Upload progress. The clicked button's name/value must travel with the data.
  var progress = form.querySelector("[data-upload-progress]");
  var bar = progress && progress.querySelector("progress");
  var label = progress && progress.querySelector("[data-upload-progress-text]");
  var clicked = null;
  form.querySelectorAll("button[type=submit]").forEach(function (button) {
    button.addEventListener("click", function () { clicked = button; });
  });
  var sending = false;
  form.addEventListener("submit", function (event) {
    if (!window.FormData || !progress) return;
    var hasFiles = Array.prototype.some.call(
      form.querySelectorAll("input[type=file]"), function (i) { return i.files && i.files.length; });
    if (!hasFiles) return; // a plain submit is fine without files
    event.preventDefault();
    if (sending) return; // a double click sends once
    sending = true;
    var data = new FormData(form);
    if (clicked && clicked.name) data.append(clicked.name, clicked.value);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("action") || window.location.href);
    progress.hidden = false;
    xhr.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.round((e.loaded / e.total) * 100);
      bar.value = percent;
      label.textContent = text.sending(percent);
    });
    xhr.addEventListener("load", function () {
      if (xhr.responseURL && xhr.responseURL.split("#")[0] !== window.location.href.split("#")[0]) {
        window.location.assign(xhr.responseURL);
        return;
      }
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener("error", function () {
      sending = false;
      unsaved = true; // nothing reached the server
      label.textContent = text.failed;
    });
    xhr.send(data);
  });

  // The heading, not the whole box: focusing a tall box scrolled the page to
  // the middle of its list, with the heading off-screen.
  var summaryHeading = document.getElementById("error-summary-title");
  if (summaryHeading) {
    summaryHeading.focus({ preventScroll: true });
    summaryHeading.closest(".error-summary").scrollIntoView({ block: "start" });
  }
})();
