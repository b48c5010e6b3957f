"""Operations: structured logs, Prometheus metrics, OpenTelemetry tracing, and the middleware that feeds
the first two from every request (`install_observability`)."""
