"""The bench's cold pages: no URL twice in a run, none of them a warm page, every filter set paged through."""

from urllib.parse import parse_qs, urlsplit

from bench.cold import LIMITS, Catalogue, champions, cursor_probe, list_pages, probe_offsets


def _catalogue() -> Catalogue:
    return Catalogue(
        total=997,
        combos=[
            ({"state_under_review": "CHN", "cycle": 2}, 230),
            ({"state_under_review": "CHN", "position": "noted"}, 64),
            ({"theme": 7, "cycle": 1}, 0),
            ({"recommending_state": "FRA"}, 41),
        ],
        themes=[7, 9, 11],
        cycles=[1, 2],
        regions=["african", "weog"],
        states=["CHN", "SVN"],
    )


def test_list_pages_never_repeat_and_take_continues_where_it_stopped() -> None:
    stream = list_pages(_catalogue(), cursors=["WzEsMl0", "WzEsM10"])
    first = stream.take(500)
    second = stream.take(100_000)
    every = first + second
    assert len(first) == 500
    assert len(every) == len(set(every))  # no URL twice, across takes
    assert not set(first) & set(second)
    assert stream.take(10) == []  # dry: nothing is given again
    # Each offset of the whole list once per page size, each cursor once per page size.
    plain = [parse_qs(urlsplit(u).query) for u in every if set(parse_qs(urlsplit(u).query)) == {"offset", "limit"}]
    assert len(plain) == 997 * len(LIMITS)
    cursors = [u for u in every if "cursor=" in u]
    assert len(cursors) == 2 * len(LIMITS)


def test_no_cold_page_uses_the_warm_pages_default_limit() -> None:
    for url in list_pages(_catalogue(), cursors=["WzEsMl0"]).take(100_000):
        query = parse_qs(urlsplit(url).query)
        assert query["limit"] != ["50"], url
        assert int(query["limit"][0]) in LIMITS


def test_filter_sets_are_paged_through_without_overlap() -> None:
    urls = list_pages(_catalogue()).take(100_000)
    chn_cycle2 = [parse_qs(urlsplit(u).query) for u in urls if "cycle=2" in u and "state_under_review=CHN" in u]
    limit = int(chn_cycle2[0]["limit"][0])
    offsets = [int(q["offset"][0]) for q in chn_cycle2]
    assert {int(q["limit"][0]) for q in chn_cycle2} == {limit}
    assert offsets == list(range(0, 230, limit))  # every page of the 230 rows, once
    # A filter set with no rows still gets its (empty) first page, once.
    assert sum("theme=7&cycle=1" in u for u in urls) == 1


def test_kinds_are_interleaved_from_the_start() -> None:
    first = list_pages(_catalogue(), cursors=["WzEsMl0"]).take(3)
    assert "cycle=2" in first[0]  # a filter set
    assert set(parse_qs(urlsplit(first[1]).query)) == {"offset", "limit"}  # an offset
    assert "cursor=" in first[2]


def test_champions_cold_goes_round_the_themes_then_narrows_and_never_repeats() -> None:
    stream = champions(_catalogue())
    urls = stream.take(1000)
    assert len(urls) == len(set(urls)) == 3 * (1 + 2 + 2 + 2)
    assert [parse_qs(urlsplit(u).query)["theme"] for u in urls[:3]] == [["7"], ["9"], ["11"]]
    assert all(u.startswith("/champions?theme=") for u in urls)


def test_cursor_probes_are_one_row_pages_at_distinct_spread_offsets() -> None:
    offsets = probe_offsets(56_000, 300)
    assert len(offsets) == len(set(offsets)) == 300
    assert offsets[0] == 0 and offsets[-1] < 56_000
    assert cursor_probe(120) == "/recommendations?offset=120&limit=1"
    assert 1 not in LIMITS  # a probe is never a measured cold page
    assert probe_offsets(0, 10) == []
