"""The advocacy world builds (the matrix and every advocacy test start from it)."""

from tests.factories import OTHER_STATE, OWN_STATE, World


def test_the_advocacy_world_has_a_coalition_per_state(advocacy_world: World) -> None:
    built = advocacy_world.advocacy
    assert built.coalitions[OWN_STATE].state_code == OWN_STATE
    assert built.coalitions[OTHER_STATE].state_code == OTHER_STATE
    assert built.asks[OWN_STATE].brief_id == built.drafts[OWN_STATE].id
