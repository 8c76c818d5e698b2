"""/api/calendar.ics: every stored deadline, or one responsible body's."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import select

from service import calendar as ical
from service.api.deps import SessionDep, SettingsDep
from service.api.feeds import calendar_source, document_url
from service.db.models import Document
from service.storage import load_plan

router = APIRouter(tags=["calendar"])


@router.get("/calendar.ics", response_class=Response, responses={200: {
    "description": "iCalendar (RFC 5545)", "content": {"text/calendar": {}}}})
def all_deadlines(request: Request, session: SessionDep, settings: SettingsDep,
                  body: Annotated[str | None, Query(max_length=200, description="responsible body")] = None
                  ) -> Response:
    def items():
        for doc in session.scalars(select(Document).order_by(Document.id)):
            src = calendar_source(doc, document_url(request, settings, doc.id))
            for i, d in enumerate(load_plan(doc).deadlines):
                if body is None or ical.responsible_matches(d, body):
                    yield src, i, d

    name = f"Hạn kế hoạch – {body}" if body else "Hạn kế hoạch"
    return Response(ical.build_calendar(name, items()), media_type="text/calendar; charset=utf-8")
