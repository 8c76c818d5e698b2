"""/api/health and the OpenAPI document."""
from __future__ import annotations

from schema.plan import SCHEMA_VERSION


def test_health(client):
    body = client.get("/api/health").json()
    assert body == {"status": "ok", "database": "sqlite", "documents": 0, "schema_version": SCHEMA_VERSION}


def test_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/health", "/api/documents", "/api/documents/{doc_id}", "/api/documents/{doc_id}/source",
                 "/api/documents/{doc_id}/sections", "/api/documents/{doc_id}/deadlines",
                 "/api/documents/{doc_id}/links", "/api/documents/{doc_id}/tree",
                 "/api/documents/{doc_id}/unanswered", "/api/documents/{doc_id}/calendar.ics",
                 "/api/documents/{doc_id}/deadlines.csv", "/api/calendar.ics"):
        assert path in paths, path
