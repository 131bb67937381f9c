# syntax=docker/dockerfile:1
# The service image: `coach serve` on port 8000 with COACH_WORKERS processes (one per
# vCPU). Build and run: README, "Deploy to AWS". Checked by tests/deploy/test_dockerfile.py.
ARG PYTHON_IMAGE=python:3.11.14-slim-trixie

# Build stage: the pinned dependencies and the package, installed into a venv.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
COPY requirements.lock ./
RUN /opt/venv/bin/pip install --requirement requirements.lock
COPY pyproject.toml README.md ./
COPY agent ./agent
COPY api ./api
COPY extraction ./extraction
COPY prompts ./prompts
COPY storage ./storage
RUN /opt/venv/bin/pip install --no-deps .

# Final stage: the venv alone (no sources, tests or build tools), run as a non-root user.
FROM ${PYTHON_IMAGE}
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    COACH_DATA_DIR=/data \
    COACH_WORKERS=1
RUN groupadd --system --gid 10001 coach \
    && useradd --system --uid 10001 --gid coach --no-create-home --home-dir /data coach \
    && mkdir /data \
    && chown coach:coach /data
COPY --from=build /opt/venv /opt/venv
USER 10001:10001
WORKDIR /data
EXPOSE 8000
# The slim image has no curl: the interpreter fetches /healthz itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["coach", "serve", "--host", "0.0.0.0", "--port", "8000"]
