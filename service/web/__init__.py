"""The web UI for Nội vụ staff: server-rendered pages over the same storage as the API."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from service.web.compliance_page import router as compliance_router
from service.web.pages import router as web_router

STATIC_DIR = Path(__file__).with_name("static")


def install(app: FastAPI) -> None:
    """Add the pages and their static files (/static) to ``app``."""
    app.include_router(web_router)
    app.include_router(compliance_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


__all__ = ["install", "web_router", "STATIC_DIR"]
