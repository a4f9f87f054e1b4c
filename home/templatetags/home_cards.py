"""What the home page's news and event cards show besides their text: a type
pictogram and, for an item without a lead image, one of the site's drawn scenes."""

from django import template

register = template.Library()

# Drawn for this site (``static/img/scenes/``): workplaces of social enterprises.
SCENES = tuple(
    f"img/scenes/{name}.svg" for name in ("cafe", "workshop", "laundry", "garden")
)
EVENT_ICONS = frozenset(
    {"jarmark", "gala", "szkolenie", "wizyta-studyjna", "forum-rzecznikow", "webinar"}
)


@register.filter
def scene(position):
    """A drawn scene for the card at ``position`` of a list without an image:
    neighbours differ, and a list looks the same on every render."""
    return SCENES[int(position) % len(SCENES)]


@register.filter
def type_icon(kind):
    """The pictogram of an event type (its ``EventType`` value), or of news."""
    name = kind if kind in EVENT_ICONS else "news"
    return f"img/home/icons/{name}.svg"
