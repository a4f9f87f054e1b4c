"""Filters for the submission form and its receipt."""

from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()


@register.filter
def human_size(value):
    return filesizeformat(value)
