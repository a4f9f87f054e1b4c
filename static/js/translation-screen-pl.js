// wagtail-localize 1.14's translation screen (a React app) writes two strings
// in English outside its gettext catalogue: the section heading
// "<source> to <target> translation" and the "More actions" label of its menu
// button. For a Polish admin they are put into Polish once React has drawn
// them (and again whenever it redraws). Recheck after upgrading wagtail-localize.
(() => {
  if (!document.documentElement.lang.startsWith("pl")) return;
  const HEADING = /^(.+) to (.+) translation$/;
  const polish = (editor) => {
    for (const heading of editor.querySelectorAll("section h3")) {
      const match = heading.textContent.match(HEADING);
      if (match) heading.textContent = `Tłumaczenie: ${match[1]} → ${match[2]}`;
    }
    for (const label of editor.querySelectorAll(".w-sr-only")) {
      if (label.textContent === "More actions") label.textContent = "Więcej działań";
    }
  };
  document.addEventListener("DOMContentLoaded", () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    polish(editor);
    new MutationObserver(() => polish(editor)).observe(editor, {
      childList: true,
      subtree: true,
    });
  });
})();
