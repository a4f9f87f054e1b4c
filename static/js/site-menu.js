/* The header's menu is a <details> disclosure that works without this file.
   This adds what a <details> lacks: Escape closes it and returns focus to its
   button, a click or focus outside closes it, aria-expanded mirrors its state,
   and from 64rem (where CSS shows it as a bar) it stays open. */
(function () {
    "use strict";
    var menu = document.querySelector("[data-site-menu]");
    if (!menu) { return; }
    var toggle = menu.querySelector("summary");
    var wide = window.matchMedia("(min-width: 64rem)");

    function sync() { toggle.setAttribute("aria-expanded", menu.open ? "true" : "false"); }
    function close(returnFocus) {
        if (!menu.open || wide.matches) { return; }
        menu.open = false;
        if (returnFocus) { toggle.focus(); }
    }
    function fitWidth() { menu.open = wide.matches; sync(); }

    menu.addEventListener("toggle", sync);
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open && !wide.matches) {
            close(menu.contains(document.activeElement));
        }
    });
    document.addEventListener("click", function (event) {
        if (!menu.contains(event.target)) { close(false); }
    });
    document.addEventListener("focusin", function (event) {
        if (!menu.contains(event.target)) { close(false); }
    });
    if (wide.addEventListener) { wide.addEventListener("change", fitWidth); }
    fitWidth();
}());
