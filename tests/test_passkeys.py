"""Passkeys (django-otp-webauthn) as a second factor: registered on the
enrolment screen, accepted on the verification screen, never instead of the
password. A software authenticator (tests/passkey_authenticator.py) signs what
a browser's would, so the library's real checks run; tests/e2e/test_passkeys.py
does the same with Chromium's virtual authenticator."""

import json
import logging
import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential

from accounts import second_factor
from tests.passkey_authenticator import SoftAuthenticator
from tests.s3server import load_settings
from tests.test_second_factor import (
    ENROL,
    VERIFY,
    code_for,
    enrolled,
    make_user,
    signed_in,
)

REGISTER_BEGIN = reverse("otp_webauthn:credential-registration-begin")
REGISTER_COMPLETE = reverse("otp_webauthn:credential-registration-complete")
AUTH_BEGIN = reverse("otp_webauthn:credential-authentication-begin")
AUTH_COMPLETE = reverse("otp_webauthn:credential-authentication-complete")
PASSKEY_ADDED = reverse("accounts_second_factor_passkey_added")


@pytest.fixture
def required(settings):
    settings.SECOND_FACTOR_REQUIRED = True
    return settings


@pytest.fixture
def juror(db):
    return make_user("juror1", "Jury")


def post_json(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def register(client, authenticator):
    options = post_json(client, REGISTER_BEGIN)
    assert options.status_code == 200, options.content
    return post_json(client, REGISTER_COMPLETE, authenticator.register(options.json()))


def with_passkey(user):
    """A passkey registered as on the enrolment screen; the session ends."""
    authenticator = SoftAuthenticator()
    assert register(signed_in(user), authenticator).status_code == 200
    return authenticator


def assertion(client, authenticator, **kwargs):
    options = post_json(client, AUTH_BEGIN)
    assert options.status_code == 200, options.content
    return authenticator.assert_(options.json(), **kwargs)


@pytest.mark.parametrize(
    "url", [REGISTER_BEGIN, REGISTER_COMPLETE, AUTH_BEGIN, AUTH_COMPLETE]
)
def test_the_passkey_endpoints_need_a_signed_in_user(db, url):
    response = post_json(Client(), url)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_the_enrolment_screen_offers_a_passkey(required, juror):
    html = signed_in(juror).get(ENROL + "?next=/admin/pages/").content.decode()
    assert 'id="passkey-registration-placeholder"' in html
    assert 'id="passkey-register-button"' in html
    assert f'data-done-url="{PASSKEY_ADDED}?next=%2Fadmin%2Fpages%2F"' in html
    # The library's script and ours come from static files; its settings are
    # JSON data, which no script-src applies to.
    assert "django_otp_webauthn/otp_webauthn_register.js" in html
    assert "accounts/passkeys.js" in html
    assert '<script id="otp_webauthn_config" type="application/json">' in html


def test_a_juror_enrols_with_a_passkey_and_gets_backup_codes(required, juror, caplog):
    caplog.set_level(logging.INFO, logger="accounts.security")
    client = signed_in(juror)
    assert client.get("/admin/").url.startswith(ENROL)

    options = post_json(client, REGISTER_BEGIN).json()
    assert options["rp"] == {
        "name": "Ekonomia społeczna na Mazowszu",
        "id": "localhost",
    }
    assert options["user"]["name"] == "juror1"
    done = post_json(client, REGISTER_COMPLETE, SoftAuthenticator().register(options))
    assert done.status_code == 200, done.content

    assert WebAuthnCredential.objects.filter(user=juror, confirmed=True).count() == 1
    assert client.get("/admin/").status_code == 200
    page = client.get(PASSKEY_ADDED + "?next=/admin/pages/")
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page.content.decode())
    assert len(codes) == 10
    assert "Klucz dostępu jest dodany." in page.content.decode()
    # Shown once: a second visit goes on.
    again = client.get(PASSKEY_ADDED + "?next=/admin/pages/")
    assert (again.status_code, again.url) == (302, "/admin/pages/")
    events = [getattr(r, "event", "") for r in caplog.records]
    assert "passkey_registered" in events
    assert "second_factor_enrolled" in events


def test_a_juror_verifies_with_their_passkey(required, juror, caplog):
    authenticator = with_passkey(juror)
    caplog.set_level(logging.INFO, logger="accounts.security")
    client = signed_in(juror)
    assert client.get("/admin/").url == f"{VERIFY}?next=%2Fadmin%2F"
    html = client.get(VERIFY + "?next=/admin/pages/").content.decode()
    assert 'id="passkey-verification-button"' in html
    assert "django_otp_webauthn/otp_webauthn_auth.js" in html

    response = post_json(
        client, AUTH_COMPLETE + "?next=/admin/pages/", assertion(client, authenticator)
    )
    assert response.status_code == 200, response.content
    assert response.json()["redirect_url"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    (event,) = [
        r for r in caplog.records if getattr(r, "event", "") == "second_factor_verified"
    ]
    assert (event.username, event.device) == ("juror1", "WebAuthnCredential")


def test_a_signature_for_another_origin_does_not_verify(required, juror, caplog):
    authenticator = with_passkey(juror)
    caplog.set_level(logging.INFO, logger="accounts.security")
    client = signed_in(juror)
    forged = assertion(client, authenticator, origin="https://evil.example")
    response = post_json(client, AUTH_COMPLETE, forged)
    assert response.status_code == 422
    assert client.get("/admin/").url.startswith(VERIFY)
    assert "second_factor_failed" in [getattr(r, "event", "") for r in caplog.records]


def test_an_assertion_is_not_accepted_twice(required, juror):
    authenticator = with_passkey(juror)
    client = signed_in(juror)
    signed = assertion(client, authenticator)
    assert post_json(client, AUTH_COMPLETE, signed).status_code == 200
    replay = signed_in(juror)
    assert post_json(replay, AUTH_COMPLETE, signed).status_code == 400
    assert replay.get("/admin/").url.startswith(VERIFY)


def test_someone_elses_passkey_does_not_verify(required, juror):
    with_passkey(juror)
    other = make_user("juror2", "Jury")
    theirs = with_passkey(other)
    client = signed_in(juror)
    response = post_json(client, AUTH_COMPLETE, assertion(client, theirs))
    assert response.status_code == 403
    assert client.get("/admin/").url.startswith(VERIFY)


def test_no_passkey_can_be_added_before_the_existing_second_factor(required, juror):
    device = enrolled(juror)
    client = signed_in(juror)
    refused = post_json(client, REGISTER_BEGIN)
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Najpierw potwierdź tożsamość dotychczasowym drugim składnikiem, "
        "potem dodaj klucz dostępu."
    )
    assert not WebAuthnCredential.objects.filter(user=juror).exists()
    # After the code, it can.
    client.post(VERIFY, {"token": code_for(device)})
    assert register(client, SoftAuthenticator()).status_code == 200


def test_a_code_still_works_for_a_juror_with_a_passkey(required, juror):
    with_passkey(juror)
    code = second_factor.new_backup_codes(juror)[0]
    client = signed_in(juror)
    html = client.get(VERIFY).content.decode()
    assert "Wpisz jeden z kodów zapasowych" in html
    assert client.post(VERIFY, {"token": code}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_administrators_reset_removes_passkeys(required, juror):
    with_passkey(juror)
    assert second_factor.status(juror)["passkeys"] == 1
    second_factor.reset(juror)
    assert not WebAuthnCredential.objects.filter(user=juror).exists()
    assert signed_in(juror).get("/admin/").url.startswith(ENROL)


def test_production_ties_passkeys_to_the_admin_host():
    loaded = load_settings(
        "campaign_site.settings.production",
        ["OTP_WEBAUTHN_RP_ID", "OTP_WEBAUTHN_ALLOWED_ORIGINS"],
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="es.mcps.example,www.es.mcps.example",
    )
    assert loaded["settings"] == {
        "OTP_WEBAUTHN_RP_ID": "es.mcps.example",
        "OTP_WEBAUTHN_ALLOWED_ORIGINS": ["https://es.mcps.example"],
    }


def test_the_users_admin_shows_a_passkey_only_second_factor(juror):
    admin = make_user("admin", is_superuser=True)
    own = signed_in(juror)
    for _ in range(2):  # the second with the session the first verified
        assert register(own, SoftAuthenticator()).status_code == 200
    client = signed_in(admin)
    edit = client.get(f"/admin/users/edit/{juror.pk}/").content.decode()
    assert "Skonfigurowany: 2 klucze dostępu (passkeys)." in edit
    assert "Niewykorzystane kody zapasowe: 0." in edit
    reset = f"/admin/users/reset-second-factor/{juror.pk}/"
    assert reset in client.get("/admin/users/").content.decode()
