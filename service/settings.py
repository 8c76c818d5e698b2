"""Service settings, read from the environment (``KEHOACH_*``) and overridable by CLI flags."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KEHOACH_", extra="ignore")

    data_dir: Path = Path("var")
    # None → SQLite file under data_dir.  DATABASE_URL is honoured as well as KEHOACH_DATABASE_URL.
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("KEHOACH_DATABASE_URL", "DATABASE_URL"))
    api_token: str | None = None           # when set, write endpoints need "Authorization: Bearer …"
    max_upload_bytes: int = 20 * 1024 * 1024      # one file
    max_request_bytes: int = 100 * 1024 * 1024    # one POST, all files together
    max_files_per_request: int = 50
    page_size_max: int = 200
    public_url: str | None = None          # base of links in calendars; default: the request's
    host: str = "127.0.0.1"
    port: int = 8000

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'kehoach.sqlite3').resolve()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
