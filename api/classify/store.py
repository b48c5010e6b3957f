"""The trained classifier in the database (`classifier_model`), so every worker and machine tags and
analyses with the same model: processes are stateless, never a file on one machine.

The newest saved model is current. `current_model` asks the database which version that is (one small
query per call) and unpickles only when it changes; a model saved under other library versions cannot
be used here (scikit-learn models are not portable), so it is None with a warning: retrain.
"""

import io
import logging
import threading
from dataclasses import asdict

import joblib
from sqlalchemy import desc
from sqlmodel import Session, col, select

from api.classify.model import Model, ModelMismatch, library_versions
from api.recommendations.models import ClassifierModel

log = logging.getLogger(__name__)

_lock = threading.Lock()
_cache: dict[str, Model | None] = {}  # at most one entry: the current version (None: unusable)


def dumps(model: Model) -> bytes:
    buffer = io.BytesIO()
    joblib.dump(model, buffer, compress=3)
    return buffer.getvalue()


def loads(payload: bytes) -> Model:
    """A model from its bytes; ModelMismatch when it is not one or was saved under other library versions."""
    model = joblib.load(io.BytesIO(payload))
    if not isinstance(model, Model):
        raise ModelMismatch(f"not a saved classifier ({type(model).__name__})")
    if model.library_versions != library_versions():
        raise ModelMismatch(f"saved under {model.library_versions}, running {library_versions()}: retrain the model")
    return model


def summary_of(model: Model) -> dict:
    """What the table keeps beside the bytes: the thresholds of the labels that are predicted."""
    thresholds = {
        family: {label.candidate.code: label.cutoff for label in labels if label.kept}
        for family, labels in model.labels.items()
    }
    thresholds["action"] = {str(c): t.value for c, t in model.action_thresholds.items() if t.value is not None}
    return {"params": asdict(model.params), "seed": model.seed, "libraries": model.library_versions, **thresholds}


def save_model(session: Session, model: Model, trained_on: int = 0) -> None:
    """Store the model (flush, no commit); the same version saved again replaces its row and becomes current."""
    row = session.get(ClassifierModel, model.version)
    if row is not None:
        session.delete(row)
        session.flush()
    session.add(
        ClassifierModel(version=model.version, trained_on=trained_on, summary=summary_of(model), payload=dumps(model))
    )
    session.flush()


def current_version(session: Session) -> str | None:
    return session.exec(
        select(ClassifierModel.version).order_by(desc(col(ClassifierModel.created_at))).limit(1)
    ).first()


def current_model(session: Session) -> Model | None:
    """The newest saved model, or None when there is none or it cannot be used here (logged)."""
    version = current_version(session)
    if version is None:
        return None
    with _lock:
        if version in _cache:
            return _cache[version]
    payload = session.exec(select(ClassifierModel.payload).where(ClassifierModel.version == version)).first()
    model: Model | None = None
    if payload is not None:
        try:
            model = loads(payload)
        except Exception as error:  # ModelMismatch, or a pickle that no longer loads: either way, retrain
            log.warning(
                "classifier model %s cannot be used here (%s): run `upr classify tag --retrain`", version, error
            )
    with _lock:
        _cache.clear()
        _cache[version] = model
    return model


def clear_cache() -> None:
    with _lock:
        _cache.clear()
