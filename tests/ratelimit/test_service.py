"""Fixed windows in the database (api/ratelimit): aligned windows, one atomic count per request, a 429
`rate-limited` with the seconds left, per scope and client, and old windows forgotten."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from api.ratelimit.models import MAX_KEY_LENGTH, RateLimitWindow
from api.ratelimit.policy import RateLimited, seconds_left, window_start
from api.ratelimit.service import count_request, prune

NOW = datetime(2026, 11, 30, 12, 0, 45, 500_000, tzinfo=UTC)


def windows(session: Session) -> dict[str, tuple[datetime, int]]:
    return {w.key: (w.window_start, w.count) for w in session.exec(select(RateLimitWindow)).all()}


def test_windows_are_aligned_so_every_process_agrees():
    assert window_start(NOW, 60) == datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert window_start(NOW, 3600) == datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    odd = window_start(NOW, 7)  # windows that do not divide a minute are aligned on the epoch
    assert odd.timestamp() % 7 == 0 and timedelta(0) <= NOW - odd < timedelta(seconds=7)
    assert seconds_left(NOW, 60) == 15  # 14.5 s, rounded up
    assert seconds_left(datetime(2026, 11, 30, 12, 0, 59, 999_000, tzinfo=UTC), 60) == 1
    assert seconds_left(datetime(2026, 11, 30, 12, 1, tzinfo=UTC), 60) == 60


def test_counts_until_the_limit_then_refuses_with_the_seconds_left(session: Session):
    usages = [count_request(session, "analyse", "198.51.100.1", NOW, limit=3) for _ in range(3)]
    assert [(u.count, u.remaining, u.reset_after) for u in usages] == [(1, 2, 15), (2, 1, 15), (3, 0, 15)]
    with pytest.raises(RateLimited) as refused:
        count_request(session, "analyse", "198.51.100.1", NOW, limit=3)
    assert refused.value.status == 429 and refused.value.slug == "rate-limited"
    assert refused.value.headers["Retry-After"] == "15"
    assert windows(session) == {"analyse:198.51.100.1": (datetime(2026, 11, 30, 12, 0, tzinfo=UTC), 4)}


def test_clients_and_scopes_count_apart(session: Session):
    for _ in range(2):
        count_request(session, "analyse", "198.51.100.1", NOW, limit=2)
    assert count_request(session, "analyse", "2001:db8::1", NOW, limit=2).count == 1
    assert count_request(session, "other", "198.51.100.1", NOW, limit=2).count == 1
    with pytest.raises(RateLimited):
        count_request(session, "analyse", "198.51.100.1", NOW, limit=2)


def test_a_new_window_starts_from_one_and_forgets_the_scopes_old_windows(session: Session):
    count_request(session, "analyse", "198.51.100.1", NOW, limit=1)
    count_request(session, "analyse", "198.51.100.2", NOW, limit=1)
    count_request(session, "other", "198.51.100.1", NOW, limit=1)
    later = NOW + timedelta(seconds=60)
    assert count_request(session, "analyse", "198.51.100.1", later, limit=1).count == 1  # no 429: a new window
    new = window_start(later, 60)
    assert windows(session) == {
        "analyse:198.51.100.1": (new, 1),
        "other:198.51.100.1": (window_start(NOW, 60), 1),  # another scope's windows are its own business
    }
    assert prune(session, "other", later) == 1
    assert list(windows(session)) == ["analyse:198.51.100.1"]


def test_a_scope_with_like_wildcards_prunes_only_itself(session: Session):
    count_request(session, "a_b", "x", NOW, limit=5)
    count_request(session, "aXb", "x", NOW, limit=5)
    assert prune(session, "a_b", NOW + timedelta(minutes=5)) == 1
    assert list(windows(session)) == ["aXb:x"]


def test_an_overlong_key_is_cut_to_the_column(session: Session):
    usage = count_request(session, "analyse", "x" * 500, NOW, limit=5)
    assert usage.count == 1
    (key,) = windows(session)
    assert len(key) == MAX_KEY_LENGTH
