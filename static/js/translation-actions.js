// The translation screen's main button (wagtail-localize's React footer says
// "Publish in …") names the workflow step it takes for this user: submit to
// moderation, resubmit, or approve. The server decides what the POST does
// (home/translation_workflow.py); this only makes the label say so.
(() => {
  const script = document.currentScript;
  const { label, busyLabel, action } = script.dataset;
  const relabel = (editor) => {
    const button = editor.querySelector('button[name="action"][value="publish"]');
    if (!button || button.dataset.workflowAction) return;
    button.dataset.workflowAction = action;
    button.dataset.wProgressActiveValue = busyLabel;
    button.dataset.clickedText = busyLabel;
    button.dataset.wProgressLabelValue = label;
    const text = button.querySelector("[data-w-progress-target=label]") || button;
    text.textContent = label;
    // The translation waits for the moderators: nothing to do here yet.
    if (action === "waiting") button.disabled = true;
  };

  // Wagtail's admin loads its scripts before the page's content.
  document.addEventListener("DOMContentLoaded", () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    relabel(editor);
    new MutationObserver(() => relabel(editor)).observe(editor, {
      childList: true,
      subtree: true,
    });
  });
})();
