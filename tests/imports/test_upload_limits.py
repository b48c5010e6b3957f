"""POST /imports refuses at once what its bytes already show to be too big (a .gz whose trailer
declares more than the limit): a 413 problem naming the setting, and no job."""

import gzip
import io

from sqlmodel import func, select

from api.imports.models import ImportJob
from api.settings import get_settings


def _gz_expanding_to(size: int) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1) as gz:
        chunk = b"SVN,Ratify the convention,FRA\n" * 32768
        written = 0
        while written < size:
            gz.write(chunk)
            written += len(chunk)
    return out.getvalue()


async def test_a_gz_declaring_too_much_is_a_413_before_any_job(client, cycle_world, settings, session):
    limit = get_settings().import_max_uncompressed_bytes
    bomb = _gz_expanding_to(limit + 1_000_000)
    assert len(bomb) < 5_000_000  # small on the wire
    before = session.scalar(select(func.count()).select_from(ImportJob))
    response = await client.post(
        "/imports",
        headers=cycle_world.headers("admin", settings),
        data={"format": "upr-info"},
        files={"file": ("recs.csv.gz", bomb, "application/gzip")},
    )
    assert response.status_code == 413, response.text
    body = response.json()
    assert body["field"] == "file" and "IMPORT_MAX_UNCOMPRESSED_BYTES" in body["detail"]
    assert session.scalar(select(func.count()).select_from(ImportJob)) == before
