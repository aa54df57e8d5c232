// The agent desktop: a person signs in as a live agent (POST /agents), goes ready or not ready, sees
// an offered call ring with the caller's path through the menu and the digits they keyed, accepts or
// declines it, transfers it to a queue or hangs up, and ends wrap-up. Every request after sign-in
// carries the agent's token (X-Agent-Token); the desk follows GET /agents/{id}/events.
import { el, followNamed, get, post, request, say } from "./api.js";

const $ = id => document.getElementById(id);
const status = $("agent-status");
const STORE = "ivr-agent";
const EVENT_TYPES = ["state", "offered", "rang-out", "declined", "offer-withdrawn", "connected", "ended"];

let agent = null;     // { agentId, token }
let stopEvents = null;

const headers = () => ({ "X-Agent-Token": agent.token });
const base = () => `/agents/${encodeURIComponent(agent.agentId)}`;

async function loadQueues() {
  const menu = await get("/menus");
  $("queue-choices").replaceChildren(...menu.queues.map((queue, i) => {
    const label = el("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "queue";
    box.value = queue;
    box.checked = i === 0 || queue === "general";
    label.append(box, ` ${queue}`);
    return label;
  }));
  $("transfer-queue").replaceChildren(...menu.queues.map(queue => {
    const option = el("option", queue);
    option.value = queue;
    return option;
  }));
}

async function signIn(event) {
  event.preventDefault();
  const queues = Object.fromEntries([...document.querySelectorAll("input[name=queue]:checked")].map(box => [box.value, 1]));
  // A live seat of the staffing file brings its own queues; otherwise a name and the queues chosen.
  const body = $("seat").value ? { agent: $("seat").value } : { name: $("agent-name").value.trim(), queues };
  try {
    const signed = await post("/agents", body);
    agent = { agentId: signed.agentId, token: signed.token };
    sessionStorage.setItem(STORE, JSON.stringify(agent));
    await openDesk();
    say(status, `Signed in. You are not ready until you say so.`, "ok");
    $("ready").focus();
  } catch (error) {
    say(status, error.message, "error");
  }
}

async function openDesk() {
  $("sign-in").hidden = true;
  $("desk").hidden = false;
  $("who").textContent = agent.agentId;
  stopEvents?.();
  // EventSource cannot send headers: the stream takes the token in its query.
  stopEvents = followNamed(`${base()}/events?token=${encodeURIComponent(agent.token)}`, EVENT_TYPES, onAgentEvent);
  await refresh();
}

function closeDesk(message) {
  stopEvents?.();
  stopEvents = null;
  agent = null;
  sessionStorage.removeItem(STORE);
  $("sign-in").hidden = false;
  $("desk").hidden = true;
  for (const id of ["offer", "on-call", "wrap-up"]) $(id).hidden = true;
  if (message) say(status, message, "ok");
}

function onAgentEvent(type, data) {
  const item = el("li");
  item.append(el("span", `${(data.at ?? "").slice(11, 19)} `), el("span", type, "type"));
  const words = [type === "state" ? data.state : null, data.call?.reference, data.call?.queue, data.by ? `by ${data.by}` : null, data.queue ? `to ${data.queue}` : null, data.reason]
    .filter(Boolean).join(" · ");
  if (words) item.append(el("span", ` ${words}`));
  $("log").prepend(item);
  if (data.state === "SignedOut") {
    closeDesk("Signed out.");
    return;
  }
  refresh();
}

/** Reads the agent as the service sees it and shows that: the one source of what the desk shows. */
async function refresh() {
  if (!agent) return;
  try {
    render(await get(base(), headers()));
  } catch (error) {
    if (error.status === 403 || error.status === 404) closeDesk("Your sign-in is no longer valid; sign in again.");
    else say(status, error.message, "error");
  }
}

function fillCall(prefix, call) {
  $(`${prefix}-${prefix === "offer" ? "call" : "ref"}`).textContent = call.reference + (call.callerId ? ` from ${call.callerId}` : "");
  $(`${prefix}-queue`).textContent = call.queue;
  $(`${prefix}-path`).replaceChildren(...(call.path ?? []).map(node => el("li", node)));
  const digits = (call.digits ?? []).map(d => `${d.variable}: ${d.digits}`).join(", ");
  $(`${prefix}-digits`).textContent = digits || "none";
}

function render(view) {
  $("agent-state").textContent = stateWords(view);
  const accepts = new Set(view.accepts ?? []);
  for (const [id, action] of [["ready", "ready"], ["not-ready", "not-ready"], ["accept", "accept"], ["decline", "decline"],
    ["transfer", "transfer"], ["hangup", "hangup"], ["wrap-up-done", "wrap-up-done"], ["sign-out", "sign-out"]]) {
    $(id).disabled = !accepts.has(action);
  }
  $("reason").disabled = !accepts.has("not-ready");
  $("transfer-queue").disabled = !accepts.has("transfer");

  const ringing = Boolean(view.offered);
  $("offer").hidden = !ringing;
  $("offer").classList.toggle("ringing", ringing);
  if (ringing) fillCall("offer", view.offered);
  $("on-call").hidden = !view.call;
  if (view.call) fillCall("call", view.call);
  $("wrap-up").hidden = view.state !== "WrapUp";
  if (ringing && !$("offer").contains(document.activeElement)) $("accept").focus();
}

function stateWords(view) {
  switch (view.state) {
    case "NotReady": return `Not ready${view.reason ? ` (${view.reason})` : ""}`;
    case "Ready": return "Ready: waiting for a call";
    case "Ringing": return "A call is ringing";
    case "OnCall": return "On a call";
    case "WrapUp": return `Wrap-up${view.wrappingUp ? ` of ${view.wrappingUp}` : ""}`;
    default: return view.state;
  }
}

async function act(action, body = {}, message = "") {
  if (!agent) return;
  try {
    render(await request(action === "sign-out" ? "DELETE" : "POST", action === "sign-out" ? base() : `${base()}/${action}`, action === "sign-out" ? undefined : body, headers()));
    say(status, message, "ok");
  } catch (error) {
    say(status, error.message, "error");
  }
}

$("sign-in").addEventListener("submit", signIn);
$("ready").addEventListener("click", () => act("ready", undefined, "Ready for calls."));
$("not-ready").addEventListener("click", () => act("not-ready", { reason: $("reason").value }, "Not ready."));
$("accept").addEventListener("click", async () => {
  await act("accept", {}, "Connected to the caller.");
  $("hangup").focus();
});
$("decline").addEventListener("click", () => act("decline", {}, "Declined: the next agent is rung."));
$("transfer").addEventListener("click", () => act("transfer", { queue: $("transfer-queue").value }, `Handed to ${$("transfer-queue").value}.`));
$("hangup").addEventListener("click", async () => {
  await act("hangup", {}, "Call ended: wrap up, then take the next.");
  $("wrap-up-done").focus();
});
$("wrap-up-done").addEventListener("click", () => act("wrap-up-done", undefined, "Wrap-up done."));
$("sign-out").addEventListener("click", async () => {
  await act("sign-out");
  closeDesk("Signed out.");
});

/** The staffing file's live seats nobody holds, to sign in at. */
async function loadSeats() {
  const agents = await get("/agents");
  const free = agents.filter(a => a.live && a.state === "SignedOut");
  $("seat").append(...free.map(a => {
    const option = el("option", `${a.agentId} (${Object.keys(a.queues).sort().join(", ")})`);
    option.value = a.agentId;
    return option;
  }));
}

$("seat").addEventListener("change", () => {
  const own = $("seat").value === "";
  $("name-field").hidden = !own;
  $("queues-field").hidden = !own;
});

try {
  await Promise.all([loadQueues(), loadSeats()]);
} catch (error) {
  say(status, error.message, "error");
}
const stored = sessionStorage.getItem(STORE);
if (stored) {
  try {
    agent = JSON.parse(stored);
    await openDesk();
  } catch {
    closeDesk();
  }
}
