"""Wagtail's Users admin with the second factor: whether a user has one, and an
administrator's reset of it (lost phone), with a reason, logged.

Installed by ``apps.UsersAdminConfig`` in place of ``wagtail.users``'s own
config (Wagtail's documented way to customise the user views).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.users.views import users

from . import second_factor


def may_reset(user):
    """Only an administrator (superuser) resets someone's second factor: it
    is what stands between a stolen password and applicants' data, so the
    secretariat, editors and jurors never can."""
    return user.is_active and user.is_superuser


class ResetFormatter(LogFormatter):
    # The reason is part of the message: Wagtail's history of a model without
    # revisions (the user) does not show a log entry's comment.
    label = _("Reset drugiego składnika logowania")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _(
            "Zresetowano drugi składnik logowania (aplikacja i kody zapasowe); "
            "zakończone sesje: %(sessions)s. Powód: %(reason)s"
        ) % {
            "sessions": data.get("sessions_ended", 0),
            "reason": data.get("reason", ""),
        }


class ResetForm(forms.Form):
    reason = forms.CharField(
        label=_("Powód"),
        help_text=_(
            "Np. „zgubiony telefon, zgłoszenie telefoniczne 2 grudnia”. "
            "Powód zostaje zapisany w historii użytkownika."
        ),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ResetSecondFactorView(WagtailAdminTemplateMixin, FormView):
    """The confirmation (GET) and the reset (POST): the user's authenticator
    and backup codes are removed and their sessions end, so they sign in
    again and enrol a new phone."""

    template_name = "accounts/admin/second_factor_reset.html"
    form_class = ResetForm
    page_title = _("Reset drugiego składnika logowania")
    header_icon = "lock"
    viewset = None

    def dispatch(self, request, pk):
        if not may_reset(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(get_user_model(), pk=pk)
        return super().dispatch(request)

    @cached_property
    def edit_url(self):
        return reverse(self.viewset.get_url_name("edit"), args=[self.object.pk])

    def get_page_subtitle(self):
        return get_user_display_name(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.viewset.get_url_name("index")),
                "label": self.viewset.menu_label,
            },
            {"url": self.edit_url, "label": get_user_display_name(self.object)},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            target=self.object,
            status=second_factor.status(self.object),
            edit_url=self.edit_url,
            **kwargs,
        )

    def form_valid(self, form):
        target = self.object
        second_factor.reset_by_administrator(
            target,
            form.cleaned_data["reason"],
            by=self.request.user,
            request=self.request,
        )
        if target.pk == self.request.user.pk:
            # Their own session is among the ended ones: sign out cleanly
            # rather than answer with a session that no longer exists.
            logout(self.request)
            return redirect("wagtailadmin_login")
        messages.success(
            self.request,
            _(
                "Drugi składnik logowania użytkownika %(user)s został zresetowany. "
                "Przy następnym logowaniu skonfiguruje go od nowa."
            )
            % {"user": get_user_display_name(target)},
        )
        return redirect(self.edit_url)


class IndexView(users.IndexView):
    @cached_property
    def columns(self):
        columns = list(super().columns)
        columns.insert(
            -1,
            BooleanColumn(
                "has_second_factor",
                label=_("Drugi składnik"),
                classname="second-factor",
                width="10%",
            ),
        )
        return columns

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                has_second_factor=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                )
                | Exists(
                    WebAuthnCredential.objects.filter(
                        user=OuterRef("pk"), confirmed=True
                    )
                )
            )
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if may_reset(self.request.user) and instance.has_second_factor:
            buttons.append(
                Button(
                    _("Zresetuj drugi składnik"),
                    url=reverse(
                        "wagtailusers_users:reset_second_factor", args=[instance.pk]
                    ),
                    icon_name="lock",
                    priority=50,
                )
            )
        return buttons


class EditView(users.EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["second_factor"] = second_factor.status(self.object)
        if may_reset(self.request.user):
            context["second_factor_reset_url"] = reverse(
                "wagtailusers_users:reset_second_factor", args=[self.object.pk]
            )
        return context


class UserViewSet(users.UserViewSet):
    index_view_class = IndexView
    edit_view_class = EditView
    edit_template_name = "accounts/admin/user_edit.html"

    @property
    def reset_second_factor_view(self):
        return ResetSecondFactorView.as_view(viewset=self)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                f"reset-second-factor/<{self.pk_path_converter}:pk>/",
                self.reset_second_factor_view,
                name="reset_second_factor",
            )
        ]
