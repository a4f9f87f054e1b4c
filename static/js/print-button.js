// Buttons marked data-print open the browser's print dialog (no inline handlers:
// the Content-Security-Policy allows no inline script).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
