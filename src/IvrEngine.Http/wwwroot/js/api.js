// The pages' only way in: the service's own HTTP API, same origin. Writes carry the API key when
// the service asks for one (entered once on the index page, kept for this browser tab only).

const KEY_STORE = "ivr-api-key";

export function apiKey() {
  return sessionStorage.getItem(KEY_STORE) ?? "";
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORE, key);
  else sessionStorage.removeItem(KEY_STORE);
}

/** An error answer of the API (application/problem+json), worded for people. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem ?? {};
  }
}

function describe(status, problem) {
  if (status === 401) return "The service asks for its API key: enter it on the start page.";
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  return `The service answered ${status}.`;
}

/**
 * Calls the API: JSON in, JSON out. `headers` adds request headers (an agent's token).
 * Throws ApiError for an error answer and Error when the service cannot be reached.
 */
export async function request(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: "application/json", ...headers }, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  if (method !== "GET" && apiKey()) init.headers["X-Api-Key"] = apiKey();
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new Error("The service cannot be reached.");
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) throw new ApiError(response.status, typeof data === "object" ? data : null);
  return data;
}

export const get = (path, headers) => request("GET", path, undefined, headers);
export const post = (path, body = {}, headers) => request("POST", path, body, headers);

/**
 * Follows a server-sent event stream of JSON lines. Events already seen (by id) are skipped, so the
 * replay a reconnection brings is not shown twice. `onOpen`/`onDown` report the connection.
 * Returns a function that closes the stream.
 */
export function follow(path, onEvent, { onOpen, onDown } = {}) {
  const source = new EventSource(path);
  let lastId = -1;
  source.onopen = () => onOpen?.();
  source.onerror = () => onDown?.(source.readyState === EventSource.CLOSED);
  source.onmessage = message => {
    if (message.lastEventId !== "") {
      const id = Number(message.lastEventId);
      if (Number.isFinite(id)) {
        if (id <= lastId) return;
        lastId = id;
      }
    }
    let data;
    try { data = JSON.parse(message.data); } catch { return; }
    onEvent(data);
  };
  return () => source.close();
}

/** Writes a one-line status for people (and screen readers, through role="status"). */
export function say(element, text, kind = "") {
  element.textContent = text;
  element.className = `status ${kind}`.trim();
}

/** Seconds as m:ss (or h:mm:ss) for waits. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "–";
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** A plain element with text: the pages never insert HTML built from data. */
export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * Follows a server-sent event stream whose events are named (`event: offered`): `onEvent(type, data)`
 * for each of `types`. Returns a function that closes the stream.
 */
export function followNamed(path, types, onEvent, { onOpen, onDown } = {}) {
  const source = new EventSource(path);
  source.onopen = () => onOpen?.();
  source.onerror = () => onDown?.(source.readyState === EventSource.CLOSED);
  for (const type of types) {
    source.addEventListener(type, message => {
      let data;
      try { data = JSON.parse(message.data); } catch { return; }
      onEvent(type, data);
    });
  }
  return () => source.close();
}
