"""Models of the home app, one module per concept; import them from here."""

from .accessibility import AccessibilityStatementPage
from .advocates import Advocate, AdvocatesDirectoryPage
from .events import EventIndexPage, EventMode, EventPage, EventType
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from .pages import HomePage, StandardPage
from .site_settings import FooterSettings, PrivacySettings, SocialLinkBlock

__all__ = [
    "AccessibilityStatementPage",
    "EventIndexPage",
    "EventMode",
    "EventPage",
    "EventType",
    "Advocate",
    "AdvocatesDirectoryPage",
    "FooterSettings",
    "HomePage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PrivacySettings",
    "SocialLinkBlock",
    "StandardPage",
]
