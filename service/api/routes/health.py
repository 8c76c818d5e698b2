from fastapi import APIRouter

from schema.plan import SCHEMA_VERSION
from service.api.deps import SessionDep
from service.api.schemas import Health
from service.storage import count_documents

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(session: SessionDep) -> Health:
    return Health(status="ok", database=session.get_bind().dialect.name,
                  documents=count_documents(session), schema_version=SCHEMA_VERSION)
