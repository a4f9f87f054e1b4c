"""Error messages tied to their fields, for screen readers (WCAG 3.3.1)."""


class DescribedErrorsMixin:
    """After validation, marks each invalid input with ``aria-invalid`` and
    points its ``aria-describedby`` at the message (``<id>-error``) and the help
    text (``<id>-help``) the template renders."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            auto_id = self[name].auto_id
            described = [f"{auto_id}-error"]
            if self.fields[name].help_text:
                described.append(f"{auto_id}-help")
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = " ".join(described)

    @property
    def error_summary_id(self):
        """The id of the summary of errors above the form."""
        return self.auto_id % "errors" if self.auto_id else "errors"
