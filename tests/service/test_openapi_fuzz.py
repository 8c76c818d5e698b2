"""Schemathesis against the ASGI app: every operation, a bounded number of generated requests.

Checks: no 5xx, documented status codes, content types and response bodies that match
/openapi.json.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import (content_type_conformance, not_a_server_error,
                                 response_schema_conformance, status_code_conformance)

from service.app import create_app
from service.settings import Settings
from plan_factories import FakeAnalyzer, deadline, ref

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _app_with_one_document():
    # Built at import: schemathesis's lazy fixture loader does not work with this pytest.
    data_dir = Path(tempfile.mkdtemp(prefix="kehoach-fuzz-"))
    atexit.register(shutil.rmtree, data_dir, True)
    analyzer = FakeAnalyzer()
    app = create_app(Settings(data_dir=data_dir), analyze=analyzer)
    data = analyzer.add("fuzz", number="1", symbol="KH-UBND", issued="2024-01-01",
                        references=[ref("9", "KH-UBND")], deadlines=[deadline("--11-10", recurrence="yearly")])
    with TestClient(app) as client:     # id 1 exists, so its routes answer 200 too
        client.post("/api/documents", files=[("files", ("a.txt", data))])
    return app


schema = schemathesis.openapi.from_asgi("/openapi.json", _app_with_one_document())


@schema.parametrize()
@settings(max_examples=8, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    case.call_and_validate(checks=CHECKS)
