# syntax=docker/dockerfile:1
# Build: docker build -t upr-tracker .
# Run:   docker run -e DATABASE_URL=postgresql+psycopg://upr:secret@db/upr -e SECRET_KEY=$(openssl rand -hex 32) -p 8000:8000 upr-tracker

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# Dependencies from the lock file first (every version pinned, every file's hash checked: `make lock`
# makes it), in their own layer so a code change does not reinstall them; then the project alone.
COPY requirements.lock ./
RUN python -m venv /opt/venv && /opt/venv/bin/pip install --upgrade pip \
    && /opt/venv/bin/pip install --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md LICENSE ./
COPY api ./api
RUN /opt/venv/bin/pip install --no-deps . && /opt/venv/bin/pip check

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app ENV=production UPLOAD_DIR=/var/lib/upr/uploads EVIDENCE_DIR=/var/lib/upr/uploads/evidence \
    WORKERS=2
RUN useradd --system --create-home --uid 10001 upr && mkdir -p /var/lib/upr/uploads && chown -R upr /var/lib/upr
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY alembic.ini ./
COPY migrations ./migrations
COPY api ./api
COPY docker/entrypoint.sh /usr/local/bin/upr-entrypoint
USER upr
# Evidence uploads live here: mount a volume to keep them across containers.
VOLUME /var/lib/upr
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
# PYTHONPATH puts /app (with alembic.ini and migrations/) ahead of the installed copy of `api`.
# The entrypoint checks the configuration (with ENV=production: no SECRET_KEY, a short or a
# placeholder one stops the container before it serves forgeable tokens), migrates, then runs
# CMD; `upr serve` reads WORKERS, HOST and PORT from the environment.
ENTRYPOINT ["upr-entrypoint"]
CMD ["upr", "serve", "--host", "0.0.0.0", "--port", "8000"]
