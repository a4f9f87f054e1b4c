"""Views of an edition: the public ones reached through ``CompetitionPage``'s
routes (``submission``, ``status``) and the secretariat's admin screens
(``admin``, registered in ``wagtail_hooks.py``)."""
