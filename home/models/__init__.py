"""Models of the home app, one module per concept; import them from here."""

from .accessibility import AccessibilityStatementPage
from .advocates import Advocate, AdvocatesDirectoryPage
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from .pages import HomePage, StandardPage
from .site_settings import FooterSettings, PrivacySettings, SocialLinkBlock

__all__ = [
    "AccessibilityStatementPage",
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
