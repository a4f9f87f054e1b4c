"""How the site's own forms render: one field template, one error summary.

Django ties each input to its help text (``<id>_helptext``) and error message
(``<id>_error``) with ``aria-describedby`` and marks it ``aria-invalid``
(WCAG 3.3.1); the templates give those ids. What Django lacks is done here
once: ``aria-required`` on fields that are required only on submit (a draft
saves without them), the error summary's id and its short labels.
"""

from django.forms import BoundField

FIELD_TEMPLATE = "competition/includes/field.html"


class AccessibleBoundField(BoundField):
    template_name = FIELD_TEMPLATE  # ``{{ field.as_field_group }}``

    @property
    def marked_required(self):
        """Whether the label says "(wymagane)": the field is required, or the
        form requires it on submit only."""
        return self.field.required or self.name in self.form.required_on_submit

    @property
    def summary_label(self):
        """The field's name in the error summary (a consent's label is its whole
        sentence, an answer's label the whole question)."""
        return self.form.summary_labels.get(self.name) or self.label

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        # The server checks (the forms are novalidate, so every message comes
        # in the same place and language); the reader still announces it.
        hidden = (widget or self.field.widget).is_hidden
        if self.marked_required and not attrs.get("required") and not hidden:
            attrs["aria-required"] = "true"
        return attrs


class AccessibleFormMixin:
    """Renders fields with :class:`AccessibleBoundField`; ``required_on_submit``
    and ``summary_labels`` may be set per form (instance or class)."""

    bound_field_class = AccessibleBoundField
    required_on_submit = frozenset()
    summary_labels = {}
    # The id of the summary of errors above the form; a page with several
    # forms gives each its own (from its ``auto_id``).
    error_summary_id = "error-summary"
