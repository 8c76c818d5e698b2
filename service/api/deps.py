"""Shared dependencies: settings, a DB session per request, the file store, the API token."""
from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from service.db.models import Document
from service.settings import Settings
from service.storage import FileStore


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_session(request: Request) -> Iterator[Session]:
    session = request.app.state.session_factory()
    try:
        yield session
    finally:
        session.close()


def get_files(request: Request) -> FileStore:
    return request.app.state.files


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
FilesDep = Annotated[FileStore, Depends(get_files)]

_bearer = HTTPBearer(auto_error=False, description="KEHOACH_API_TOKEN, when the server sets one")


def require_token(settings: SettingsDep,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Write endpoints need ``Authorization: Bearer <token>`` when a token is configured."""
    if not settings.api_token:
        return
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), settings.api_token.encode()):
        raise HTTPException(status_code=401, detail="a valid API token is required",
                            headers={"WWW-Authenticate": "Bearer"})


MAX_ID = 2**31 - 1      # INTEGER on both backends


def get_document(doc_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep) -> Document:
    doc = session.get(Document, doc_id)
    if doc is None:
        raise HTTPException(status_code=404, detail=f"no document with id {doc_id}")
    return doc


WriteAccess = Depends(require_token)
DocumentDep = Annotated[Document, Depends(get_document)]


def base_url(request: Request, settings: Settings) -> str:
    return (settings.public_url or str(request.base_url)).rstrip("/")
