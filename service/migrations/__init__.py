"""Alembic migrations (applied to head by ``kehoach serve`` at start)."""
