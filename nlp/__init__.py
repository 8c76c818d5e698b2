"""NLP: RawDocument → PlanDocument (segmentation, extraction), and linking helpers.

    from nlp import analyze
    plan = analyze(ingest.load("plan.docx"))
"""
from nlp.pipeline import analyze

__all__ = ["analyze"]
