"""The staff groups' names, declared once for the code that looks a group up
(the jury member form, the demo accounts, tests).

The groups and their permissions are created by data migrations (competition's
``0001_groups`` and later ones; home's for editors and moderators). Those keep
literal copies of the names: a historical migration must not import app code.
"""

#: The competition's secretariat: entries, formal check, jury setup, results.
SECRETARIAT_GROUP = "Sekretariat konkursu"

#: Jurors: no model permissions; what a juror sees follows from their jury
#: membership (``permissions.py``). Only members may be put on a jury.
JURY_GROUP = "Jury"

#: The site's editors (pages, news, events) and moderators (publication).
EDITORS_GROUP = "Redaktorzy"
MODERATORS_GROUP = "Moderatorzy"
