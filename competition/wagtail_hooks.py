"""Admin screens and audit-log actions of the competition."""

from django.urls import path
from wagtail import hooks

from .files import download_entry_file
from .workflow import LOG_ACTIONS


@hooks.register("register_admin_urls")
def register_file_download_url():
    # Wagtail wraps admin URLs in its login and admin-access checks; the view
    # adds the file permission (files.can_download).
    return [
        path(
            "competition/files/<int:pk>/",
            download_entry_file,
            name="competition_file_download",
        )
    ]


@hooks.register("register_log_actions")
def register_entry_log_actions(actions):
    for action, label in LOG_ACTIONS.values():
        actions.register_action(action, label, label)
    actions.register_action(
        "competition.file.download", "Pobranie pliku", "Pobranie pliku zgłoszenia"
    )
    actions.register_action(
        "competition.entry.corrected", "Poprawka zgłoszenia", "Zgłoszenie poprawione"
    )
