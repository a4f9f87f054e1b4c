"""E-mails to applicants and nominees (in the entry's language) and to jurors
(in their admin language, :func:`staff_languages`), sent by a background task.

A message is queued inside the caller's transaction: with the database task
queue the task row commits or rolls back together with the entry, so a failed
submission never sends a receipt. Backends that run tasks at once (dev, tests)
run it after the commit instead, for the same guarantee.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import default_task_backend, task
from wagtail.users.models import UserProfile

TEMPLATE_DIR = "competition/email"


def _is_transactional(backend):
    # The database backend writes its row in the current transaction.
    return type(backend).__module__.startswith("django_tasks_db")


def queue_mail(template, to, language, context):
    """Queue ``<template>_subject.txt`` / ``<template>.txt`` for ``to``.

    ``context`` must be JSON-serialisable (it travels through the task queue).
    """
    kwargs = {
        "template": template,
        "to": list(to),
        "language": language,
        "context": context,
    }
    if _is_transactional(default_task_backend):
        send_mail_task.enqueue(**kwargs)
    else:
        transaction.on_commit(lambda: send_mail_task.enqueue(**kwargs))


@task()
def send_mail_task(template, to, language, context):
    """Render a message in the recipient's language and send it."""
    with translation.override(language):
        subject = render_to_string(f"{TEMPLATE_DIR}/{template}_subject.txt", context)
        body = render_to_string(f"{TEMPLATE_DIR}/{template}.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.send()


def staff_languages(users):
    """``{user id: language code}``: the language each admin user chose for the
    admin (Account → Language preferences), Polish for whoever chose none.

    Read in one query rather than through ``UserProfile.get_for_user``, which
    creates a profile per user and falls back to the language active when the
    mail is queued (that of whoever started the run), not to Polish.
    """
    languages = dict(settings.LANGUAGES)
    chosen = dict(
        UserProfile.objects.filter(user__in=[user.pk for user in users]).values_list(
            "user_id", "preferred_language"
        )
    )
    return {
        user.pk: chosen.get(user.pk)
        if chosen.get(user.pk) in languages
        else settings.LANGUAGE_CODE
        for user in users
    }


def entry_context(entry, **extra):
    """What every entry e-mail may show (JSON-serialisable)."""
    edition = entry.edition
    with translation.override(entry.language):
        return {
            "reference": entry.reference or "",
            "title": entry.title,
            "nominee_name": entry.nominee_name,
            "category": str(entry.category.label),
            "edition_title": edition.title,
            "edition_code": edition.code,
            "status": str(entry.status_label),
            "contact_name": entry.contact_name,
            "organiser_email": edition.contact_email,
            "organiser_phone": edition.contact_phone,
            **extra,
        }
