#!/bin/sh
# The container's entrypoint: check the configuration, bring the schema up to date, then run the
# command (the image's CMD serves the API). It stops at the first failure, so a container with a
# missing or weak SECRET_KEY in production, or an unreachable database, never starts serving.
set -eu
upr check-config
upr migrate
exec "$@"
