# syntax=docker/dockerfile:1
# The Airflow image every environment runs once its overlay pins one: the
# official image at the version base/kustomization.yaml pins (keep the ARG's
# default equal to it: a test holds them together), with requirements.lock
# installed on top, the same file and the same hashes the import check
# installs, so the pods import what `validate --import` checked.
# Built and pushed by .github/workflows/deploy.yml (job "image") when
# requirements.txt, requirements.lock, this file or the Airflow pin change;
# the overlay pins it by digest (`airflow-gitops bump --image`).
ARG AIRFLOW_VERSION=3.3.2
FROM apache/airflow:${AIRFLOW_VERSION}
ARG AIRFLOW_VERSION

# The official image installs Python packages as its airflow user (into the
# user site, which its entrypoint puts first); root would leave files the
# components cannot read the way the image expects.
USER airflow

# --require-hashes: every file must match the lock's hashes; --no-deps: the
# lock is the whole set, nothing is resolved again at build time. The lock is
# mounted for this step only and no pip cache is written, so neither stays in
# the layer. The last command refuses a lock made for another Airflow version.
RUN --mount=type=bind,source=requirements.lock,target=/tmp/requirements.lock \
    pip install --no-cache-dir --no-deps --require-hashes -r /tmp/requirements.lock \
    && test "$(airflow version)" = "${AIRFLOW_VERSION}"
