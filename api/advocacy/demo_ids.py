"""The fixed ids of the demo advocacy rows (api/advocacy/demo.py), so the OpenAPI documents' request
examples (api/advocacy/*/schemas.py) name rows that `make run` creates: advocacy ids are opaque random
ids (api/core/ids.py), which no example could otherwise name. Drawn with `demo_id`, like the tracking
demo's; a database where one is taken gets another draw, and the examples then name nothing.

Rows of other packages keep their sequential ids from a fresh `upr seed`, as the tracking examples
name them: the demo CSO is organisation 4, the organisation the demo coalition may still invite 7,
Slovenia's 2019 review 1, its recommendation 122.137 70, themes B31 and B32 32 and 33.
"""

from api.core.ids import demo_id

DEMO_COALITION_ID = demo_id("advocacy:coalition")
DEMO_WORKING_GROUP_ID = demo_id("advocacy:working-group:roma-rights")
DEMO_BRIEF_ID = demo_id("advocacy:brief:roma-settlements")
DEMO_ASK_IDS = tuple(demo_id(f"advocacy:ask:{n}") for n in (1, 2, 3))  # the brief's asks, in order
DEMO_TARGET_ID = demo_id("advocacy:target:first")  # the first target state (the contact's and outreach's)
DEMO_CONTACT_ID = demo_id("advocacy:contact")
DEMO_OUTREACH_ID = demo_id("advocacy:outreach:first")
DEMO_MATCH_ID = demo_id("advocacy:match:first-ask")  # the first ask's best suggestion
DEMO_INCIDENT_ID = demo_id("advocacy:incident")
# The first target's state, where the demo contact works and the outreach went: the champion finder's first
# answer on the demo review (Albania, Australia and Brazil each made one Roma recommendation; ties by code).
DEMO_TARGET_STATE = "ALB"

# Sequential ids of a fresh `upr seed` (see above), named once for the examples.
DEMO_CSO_ORGANISATION_ID = 4
DEMO_INVITEE_ORGANISATION_ID = 7
DEMO_REVIEW_ID = 1
DEMO_MISSED_RECOMMENDATION_ID = 70  # 122.137 (basic utilities): carries the first ask, not suggested for it
DEMO_THEME_IDS = (32, 33)  # B31 equality and non-discrimination, B32 racial discrimination
DEMO_AFFECTED_PERSON_ID = 9  # Roma, Gypsies, Sinti & Travellers
