"""The JSON API: one router per resource under /api."""
from fastapi import APIRouter

from service.api.routes import calendar, compliance, documents, health

api_router = APIRouter(prefix="/api")
api_router.include_router(health.router)
api_router.include_router(documents.router)
api_router.include_router(calendar.router)
api_router.include_router(compliance.router)

__all__ = ["api_router"]
