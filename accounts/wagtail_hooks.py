from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path(
            "second-factor/verify/",
            views.verify,
            name="accounts_second_factor_verify",
        ),
        path(
            "second-factor/enrol/",
            views.enrol,
            name="accounts_second_factor_enrol",
        ),
    ]
