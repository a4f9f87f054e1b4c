"""Admin screens and audit-log actions of the competition."""

from wagtail import hooks

from .workflow import LOG_ACTIONS


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
