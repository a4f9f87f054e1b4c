"""The antivirus scan in templates: whether a file may be linked to."""

from django import template

from .. import scanning

register = template.Library()
register.filter("may_serve", scanning.may_serve)
