"""What every request and response shape shares."""

from typing import Any

from sqlmodel._compat import SQLModelConfig  # the type SQLModel declares for `model_config`


def with_examples(*examples: dict[str, Any], **config: Any) -> SQLModelConfig:
    """`model_config` for a shape with OpenAPI examples (a test validates each against the shape)."""
    return SQLModelConfig(json_schema_extra={"examples": list(examples)}, **config)  # type: ignore[typeddict-item]
