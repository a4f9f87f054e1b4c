"""An edition page's sub-routes (DESIGN §4), from URL to view: the public
form, its receipt, the applicant's status page and the results. The views live
in ``competition/views/`` (imported when called: they import the models).
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class EditionRoutes(RoutablePageMixin):
    """Mixed into ``CompetitionPage``."""

    # The language switcher keeps a visitor on these sub-routes (the same form
    # in English); ``status_token`` is left out: its path is a secret.
    language_switch_routes = frozenset(
        {"submission_form", "submission_receipt", "status", "results"}
    )

    @path("zgloszenie/<slug:category_slug>/", name="submission_form")
    def submission_form(self, request, category_slug):
        from ..views import submission

        return submission.submission_form(request, self, category_slug)

    @path("zgloszenie/gotowe/<str:reference>/", name="submission_receipt")
    def submission_receipt(self, request, reference):
        from ..views import submission

        return submission.receipt(request, self, reference)

    @path("status/<str:token>/", name="status_token")
    def status_token(self, request, token):
        from ..views import status

        return status.exchange_token(request, self, token)

    @path("status/", name="status")
    def status(self, request):
        from ..views import status

        return status.status_page(request, self)

    @path("wyniki/", name="results")
    def results(self, request):
        from ..views import results

        return results.results_page(request, self)
