"""Public views of an edition, reached through ``CompetitionPage``'s routes."""
