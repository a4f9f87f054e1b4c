"""The second-factor step after the password: enrolment and verification."""

import segno
from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import passkeys, second_factor
from .events import log_event


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Kod"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _with_next(url_name, request):
    return f"{reverse(url_name)}?{urlencode({'next': _next_url(request)})}"


def verify(request):
    """Ask an enrolled user for a code from their app or a backup code."""
    if not second_factor.is_enrolled(request.user):
        return redirect(_with_next("accounts_second_factor_enrol", request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            log_event(
                "second_factor_verified",
                request=request,
                username=request.user.get_username(),
                device=device.__class__.__name__,
            )
            return redirect(_next_url(request))
        log_event(
            "second_factor_failed",
            request=request,
            username=request.user.get_username(),
        )
        form.add_error("token", _("Nieprawidłowy albo wykorzystany kod."))
    return render(
        request,
        "accounts/second_factor_verify.html",
        {
            "form": form,
            "next": _next_url(request),
            "has_passkey": passkeys.has_passkey(request.user),
            "has_authenticator": TOTPDevice.objects.filter(
                user=request.user, confirmed=True
            ).exists(),
        },
    )


def enrol(request):
    """Pair an authenticator app (QR made here, by segno) and confirm a code."""
    if second_factor.is_enrolled(request.user):
        return redirect(_with_next("accounts_second_factor_verify", request))
    device = second_factor.pending_totp_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = second_factor.new_backup_codes(request.user)
            otp_login(request, device)
            log_event(
                "second_factor_enrolled",
                request=request,
                username=request.user.get_username(),
            )
            return render(
                request,
                "accounts/second_factor_backup_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("token", _("Nieprawidłowy kod. Sprawdź zegar telefonu."))
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/second_factor_enrol.html",
        {
            "form": form,
            # No width or height: the code scales to the sign-in card on a phone.
            "qr_svg": qr.svg_inline(
                omitsize=True, dark="#000", light="#fff", svgclass="second-factor-qr"
            ),
            "secret": _grouped(device.config_url),
            "issuer": settings.OTP_TOTP_ISSUER,
            "next": _next_url(request),
            "next_query": urlencode({"next": _next_url(request)}),
        },
    )


def passkey_added(request):
    """Where the enrolment screen goes once a passkey is registered (the
    library's view has verified the session with it): the backup codes, the
    first time."""
    if not passkeys.has_passkey(request.user):
        return redirect(_with_next("accounts_second_factor_enrol", request))
    if StaticDevice.objects.filter(user=request.user).exists():
        return redirect(_next_url(request))
    codes = second_factor.new_backup_codes(request.user)
    log_event(
        "second_factor_enrolled",
        request=request,
        username=request.user.get_username(),
        device="WebAuthnCredential",
    )
    return render(
        request,
        "accounts/second_factor_backup_codes.html",
        {"codes": codes, "next": _next_url(request), "via_passkey": True},
    )


def _grouped(config_url):
    """The base32 secret from the otpauth URL, in groups of four for typing."""
    from urllib.parse import parse_qs, urlparse

    secret = parse_qs(urlparse(config_url).query)["secret"][0]
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
