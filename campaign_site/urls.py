from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from competition.views import results as competition_results
from search import views as search_views

from . import admin_views, views

handler500 = "campaign_site.views.server_error"

urlpatterns = [
    # Wagtail's page create view minus autosave (issue 14): the same URL and
    # the same decorators as Wagtail's, matched before Wagtail's admin.
    *decorate_urlpatterns(
        [
            path(
                "admin/pages/add/<slug:content_type_app_name>"
                "/<slug:content_type_model_name>/<int:parent_page_id>/",
                admin_views.PageCreateView.as_view(),
            )
        ],
        lambda view: never_cache(require_admin_access(view)),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    # Laureates' photos on the published results (checked per request).
    path(
        "wyniki-zdjecia/<int:pk>/",
        competition_results.photo,
        name="competition_results_photo",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("apple-touch-icon.png", views.apple_touch_icon, name="apple_touch_icon"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": views.AllLanguagesSitemap}},
        name="sitemap",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Polish at /, English at /en/. Wagtail's page serving must stay last.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
