"""Models of the home app, one module per concept; import them from here."""

from .accessibility import AccessibilityStatementPage
from .advocates import Advocate, AdvocatesDirectoryPage
from .campaign import CampaignAmbassador, CampaignPage
from .events import EventIndexPage, EventMode, EventPage, EventType
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from .pages import HomePage, HomePagePartner, StandardPage
from .site_settings import FooterSettings, PrivacySettings, SocialLinkBlock

__all__ = [
    "AccessibilityStatementPage",
    "CampaignAmbassador",
    "CampaignPage",
    "EventIndexPage",
    "EventMode",
    "EventPage",
    "EventType",
    "Advocate",
    "AdvocatesDirectoryPage",
    "FooterSettings",
    "HomePage",
    "HomePagePartner",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PrivacySettings",
    "SocialLinkBlock",
    "StandardPage",
]
