// A partner's TypeScript against both documents, through openapi-typescript's types and openapi-fetch:
// type-checked with `tsc --noEmit --strict` by tests/contracts/test_typescript_clients.py (never run).
// No `any`, no casts, no ts-ignore: if the documents need one, the test fails. A list that can also
// answer CSV or XLSX types `data` as the union of its media types; a client that reads JSON says so
// with openapi-fetch's second type parameter.
import createClient from "openapi-fetch";
import type { components as Cycle, paths as CyclePaths } from "./cycle";
import type { components as Tracking, paths as TrackingPaths } from "./tracking";

type RecommendationPage = Cycle["schemas"]["RecommendationPage"];
type Problem = Cycle["schemas"]["ProblemDetail"];
type ActionRead = Tracking["schemas"]["ActionRead"];

export async function logIn(baseUrl: string, username: string, password: string): Promise<string> {
  const cycle = createClient<CyclePaths>({ baseUrl });
  const { data, error } = await cycle.POST("/auth/token", {
    body: { username, password },
    bodySerializer: (form) => new URLSearchParams({ username: form.username, password: form.password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  if (error) {
    // A refused login answers as OAuth2 says (RFC 6749: `error`, `error_description`); anything else
    // (a lockout, a busy database) is a problem+json.
    if ("error" in error) throw new Error(`${error.error}: ${error.error_description ?? "login refused"}`);
    const problem: Problem = error;
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
  return data.access_token;
}

export async function stateNames(baseUrl: string): Promise<string[]> {
  // A public read: no token needed.
  const cycle = createClient<CyclePaths>({ baseUrl });
  const { data, response } = await cycle.GET("/states", { params: { query: { limit: 500 } } });
  const requestId: string | null = response.headers.get("X-Request-ID");
  if (!data) throw new Error(`no states (request ${requestId ?? "?"})`);
  return data.items.map((state) => `${state.code}: ${state.name}`);
}

export async function everyRecommendation(baseUrl: string, state: string): Promise<string[]> {
  // A typed paged list, followed through `next_cursor`.
  const cycle = createClient<CyclePaths, "application/json">({ baseUrl });
  const texts: string[] = [];
  let cursor: string | undefined = undefined;
  for (;;) {
    const { data }: { data?: RecommendationPage } = await cycle.GET("/recommendations", {
      params: { query: { state_under_review: [state], limit: 100, cursor } },
    });
    if (!data) break;
    texts.push(...data.items.map((rec) => `${rec.paragraph ?? "-"} ${rec.text}`));
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return texts;
}

export async function recommendationsCsv(baseUrl: string, state: string): Promise<string> {
  // The same list as CSV: a string, every matching row.
  const cycle = createClient<CyclePaths>({ baseUrl });
  const { data } = await cycle.GET("/recommendations", {
    params: { query: { state_under_review: [state] } },
    headers: { Accept: "text/csv" },
    parseAs: "text",
  });
  return data ?? "";
}

export async function completeAction(baseUrl: string, token: string, actionId: number): Promise<ActionRead> {
  // An authenticated PATCH with If-Match: read, keep the ETag, send it back (a 412 if someone was quicker).
  const tracking = createClient<TrackingPaths>({
    baseUrl: `${baseUrl}/tracking`,
    headers: { Authorization: `Bearer ${token}` },
  });
  const read = await tracking.GET("/actions/{action_id}", { params: { path: { action_id: actionId } } });
  if (!read.data) throw new Error(`action ${actionId}: ${read.error?.detail ?? read.response.status}`);
  const etag = read.response.headers.get("ETag");
  if (etag === null) throw new Error("no ETag on the read");
  const { data, error } = await tracking.PATCH("/actions/{action_id}", {
    params: { path: { action_id: actionId }, header: { "If-Match": etag } },
    body: { status: "completed" },
  });
  if (error) throw new Error(`${error.status} ${error.title}: ${error.detail}`);
  return data;
}
