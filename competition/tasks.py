"""Background tasks of the competition (django-tasks).

E-mails have their own task in ``emails.py``; this module holds the jobs a
command or a schedule starts.
"""

from django_tasks import task

from .jury_emails import send_reminders


@task()
def remind_jurors(edition_id):
    """E-mail each juror of the edition with unfinished assignments (entries
    without a submitted review) how many are left and when scoring closes.

    At most once a day per edition (``competition.jury.reminded`` in the
    edition's log); returns the number of jurors reminded.
    """
    return send_reminders(edition_id)
