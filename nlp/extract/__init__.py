"""Extractors: one module per kind of value; each has run(plan) -> plan."""
