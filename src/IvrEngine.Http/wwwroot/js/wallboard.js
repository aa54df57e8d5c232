// The wallboard: one tile per queue, redrawn whenever the queue event stream says something happened
// (and every few seconds, so waits keep growing on screen). Figures come from the API:
// GET /queues (counts, agents, service level), GET /calls (each waiting caller's expected wait),
// GET /callbacks?state=pending (callbacks still to place).
import { duration, el, follow, get } from "./api.js";

/** The usual contact-centre goal: this share answered within the queue's threshold (80/20 by default). */
const SERVICE_LEVEL_TARGET = 0.8;
/** A figure turns amber at this share of its limit, red past it. */
const NEAR = 0.75;

const tiles = document.getElementById("tiles");
const live = document.getElementById("live");
document.getElementById("target").textContent = `${Math.round(SERVICE_LEVEL_TARGET * 100)}%`;

let pending = null;
function refreshSoon() {
  // Bursts of events (a caller joins, is rung, connects) redraw once.
  pending ??= setTimeout(async () => {
    pending = null;
    await refresh();
  }, 100);
}

async function refresh() {
  let queues, calls, callbacks;
  try {
    [queues, calls, callbacks] = await Promise.all([get("/queues"), get("/calls"), get("/callbacks?state=pending").catch(() => [])]);
  } catch (error) {
    live.textContent = error.message;
    return;
  }
  const expected = new Map();
  for (const call of calls) {
    if (call.queue && call.expectedWaitSeconds !== null && call.expectedWaitSeconds !== undefined) {
      // The last in line's expected wait is what a caller joining now would wait, near enough.
      expected.set(call.queue, Math.max(expected.get(call.queue) ?? 0, call.expectedWaitSeconds));
    }
  }
  const callbacksByQueue = new Map();
  for (const callback of callbacks) callbacksByQueue.set(callback.queue, (callbacksByQueue.get(callback.queue) ?? 0) + 1);
  tiles.replaceChildren(...queues.map(q => tile(q, expected.get(q.queue), callbacksByQueue.get(q.queue) ?? 0)));
}

/** ok / warn / alert for a figure where more is worse, against its limit. */
function level(value, limit) {
  if (value === null || value === undefined || !limit) return "";
  if (value > limit) return "alert";
  if (value >= limit * NEAR) return "warn";
  return "ok";
}

function figure(label, value, unit, kind, name) {
  const box = el("div", undefined, `figure ${kind}`.trim());
  box.dataset.figure = name;
  const dd = el("dd", value);
  if (unit) dd.append(" ", el("small", unit));
  box.append(el("dt", label), dd);
  if (kind === "alert") box.querySelector("dt").append(" (over target)");
  return box;
}

function tile(q, expectedWait, callbacksPending) {
  const threshold = q.serviceLevelThresholdSeconds;
  const a = q.agents ?? {};
  const ready = a.Available ?? 0;
  const talking = (a.OnCall ?? 0) + (a.Ringing ?? 0);
  const wrapUp = a.WrapUp ?? 0;
  const away = a.Away ?? 0;
  const sl = q.serviceLevel;
  const slKind = sl === null || sl === undefined ? "" : sl < SERVICE_LEVEL_TARGET ? "alert" : sl < SERVICE_LEVEL_TARGET + 0.05 ? "warn" : "ok";
  const waitingKind = q.waiting === 0 ? "" : q.waiting > ready ? (ready === 0 ? "alert" : "warn") : "ok";

  const item = el("li", undefined, "tile");
  item.dataset.queue = q.queue;
  item.setAttribute("aria-label", `Queue ${q.queue}`);
  const dl = el("dl", undefined, "figures");
  dl.append(
    figure("Waiting", String(q.waiting), "", waitingKind, "waiting"),
    figure("Longest wait", duration(q.longestWaitSeconds), "", q.waiting ? level(q.longestWaitSeconds, threshold) : "", "longest-wait"),
    figure("Expected wait", duration(expectedWait), "", level(expectedWait, threshold), "expected-wait"),
    figure("Answered", String(q.answered), "", "", "answered"),
    figure("Abandoned", String(q.abandoned), q.offered ? `of ${q.offered}` : "", q.abandoned > 0 && q.offered && q.abandoned / q.offered > 0.05 ? "alert" : "", "abandoned"),
    figure("Service level", sl === null || sl === undefined ? "–" : `${Math.round(sl * 100)}%`, `in ${threshold} s`, slKind, "service-level"),
    figure("Callbacks", String(callbacksPending), "pending", "", "callbacks"),
  );
  const agents = el("p", undefined, "agents-row");
  agents.dataset.figure = "agents";
  for (const [label, count] of [["Ready", ready], ["Talking", talking], ["Wrap-up", wrapUp], ["Away", away]]) {
    const span = el("span", `${label}`);
    span.append(el("b", String(count)));
    agents.append(span);
  }
  const worst = [...dl.children].some(f => f.classList.contains("alert")) ? "alert" : [...dl.children].some(f => f.classList.contains("warn")) ? "warn" : "";
  if (worst) item.classList.add(worst);
  item.append(el("h2", q.queue), dl, agents);
  return item;
}

follow("/queues/events", refreshSoon, {
  onOpen: () => {
    live.textContent = "Live";
    live.className = "live connected";
    refreshSoon();
  },
  onDown: () => {
    live.textContent = "Reconnecting…";
    live.className = "live disconnected";
  },
});
await refresh();
setInterval(refresh, 5000);
