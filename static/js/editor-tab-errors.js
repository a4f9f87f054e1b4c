// A form sent back with errors on a tab the editor cannot see (the slug on
// "Promocja SEO") says which tabs hold them, and opens the first such tab with
// focus on its first field in error. Wagtail 7.4 only counts the errors on
// each tab's label (w-count); it opens the first tab and its banner names no
// tab. Texts come from the server (home/wagtail_hooks.py), already translated.
(() => {
  const { one, many } = document.currentScript.dataset;
  const ERRORS = ":not([hidden]):is(.error-message,.help-critical)";
  const FIELD = ".w-field--error :is(input,textarea,select):not([type=hidden])";

  const show = () => {
    const tabs = [...document.querySelectorAll('.w-tabs [role="tab"][aria-controls]')];
    const withErrors = tabs.filter((tab) => {
      const panel = document.getElementById(tab.getAttribute("aria-controls"));
      return panel && panel.querySelector(ERRORS);
    });
    if (!withErrors.length) return;

    const banner = document.querySelector(".messages li.error");
    if (banner && !banner.querySelector(".editor-tab-errors")) {
      const names = withErrors
        .map((tab) => tab.firstChild.textContent.trim())
        .join(", ");
      const note = document.createElement("p");
      note.className = "editor-tab-errors";
      note.textContent = (withErrors.length === 1 ? one : many).replace("%(tabs)s", names);
      banner.append(note);
    }

    const active = tabs.find((tab) => tab.getAttribute("aria-selected") === "true");
    const target = withErrors.includes(active) ? active : withErrors[0];
    if (target !== active) target.click();
    const panel = document.getElementById(target.getAttribute("aria-controls"));
    const field = panel.querySelector(FIELD);
    // After the tabs controller has shown the panel.
    window.requestAnimationFrame(() => (field || target).focus());
  };

  if (document.readyState === "complete") show();
  else window.addEventListener("load", show, { once: true });
})();
