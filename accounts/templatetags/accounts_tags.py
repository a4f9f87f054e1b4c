from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def second_factor_required():
    return settings.SECOND_FACTOR_REQUIRED
