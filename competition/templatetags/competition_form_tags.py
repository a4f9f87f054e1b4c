"""Accessible rendering of the submission form's fields."""

from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()


@register.simple_tag
def accessible_widget(field, required=False, **attrs):
    """The field's widget tied to its help text and errors (aria-describedby),
    marked invalid when it has errors."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    extra = attrs.pop("describedby", "")
    if extra:
        described.append(extra)
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if required or field.field.required:
        # Announced as required; the server checks (the form is novalidate so
        # every message comes in the same place and language).
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def human_size(value):
    return filesizeformat(value)
