"""The FastAPI application: ``create_app(settings)`` wires storage, migrations and routers."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api import api_router
from service.db.session import make_engine, make_session_factory, migrate
from service.settings import Settings, get_settings
from service.storage import Analyzer, FileStore, StalePlan, parse_bytes
from service import web

log = logging.getLogger("kehoach.api")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
          422: "invalid_request"}


class RequestTooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (413) before they are read into memory."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await _too_large(self.limit)(scope, receive, send)
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise RequestTooLarge()
            return message

        await self.app(scope, counting_receive, send)


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": f"the request is larger than the limit of {limit:,} bytes",
                         "code": "too_large"}, status_code=413)


def _install_error_handlers(app: FastAPI, settings: Settings) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return JSONResponse({"detail": detail, "code": _CODES.get(exc.status_code, "error")},
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(StalePlan)
    async def stale(_request: Request, exc: StalePlan):
        return JSONResponse({"detail": str(exc), "code": "stale_parse"}, status_code=409)

    @app.exception_handler(RequestTooLarge)
    async def too_large(_request: Request, _exc: RequestTooLarge):
        return _too_large(settings.max_request_bytes)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        return JSONResponse({"detail": errors, "code": "invalid_request"}, status_code=422)

    @app.exception_handler(Exception)
    async def internal(_request: Request, exc: Exception):
        log.error("unhandled error", exc_info=exc)
        return JSONResponse({"detail": "internal error", "code": "internal_error"}, status_code=500)


def create_app(settings: Settings | None = None, *, analyze: Analyzer = parse_bytes,
               run_migrations: bool = True) -> FastAPI:
    """The application over ``settings``' database and data directory (migrated to head)."""
    settings = settings or get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings.files_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.effective_database_url)
    if run_migrations:
        migrate(engine)

    app = FastAPI(title="kehoach", version="0.1.0",
                  description="Document intelligence for Vietnamese administrative plans (Kế hoạch)")
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.files = FileStore(settings.files_dir)
    app.state.analyze = analyze
    _install_error_handlers(app, settings)
    app.include_router(api_router)
    web.install(app)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    return app
