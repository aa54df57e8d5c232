// The phone: dial the served menu, press keys and say words through the calls API, and follow the
// call's event stream: prompts as the line says them, every event, and the caller's node lit on the map.
import { el, follow, get, post, say } from "./api.js";
import { Diagram } from "./diagram.js";

const $ = id => document.getElementById(id);
const keys = [...document.querySelectorAll(".keypad button")];
const status = $("phone-status");
const diagram = new Diagram($("diagram"));

let call = null;        // the call's reference while one is in progress
let stopStream = null;  // closes the call's event stream
let inputs = Promise.resolve(); // keys go one after another, in the order pressed

function setInCall(inCall) {
  for (const key of keys) key.disabled = !inCall;
  $("words").disabled = !inCall;
  $("say").disabled = !inCall;
  $("hangup").disabled = !inCall;
  $("dial").disabled = inCall;
  $("locale").disabled = inCall;
  $("caller-id").disabled = inCall;
}

function show(view) {
  if (!view) return;
  $("state").textContent = view.state;
  $("version").textContent = view.version;
  $("node").textContent = view.node ?? "–";
  $("queue").textContent = view.queue ? `${view.queue}${view.position ? `, number ${view.position} in line` : ""}` : "–";
  if (view.node) diagram.light(view.node);
  diagram.lightQueue(view.queue ?? null);
}

async function loadMenu() {
  try {
    const menu = await get("/menus");
    $("locale").replaceChildren(...menu.locales.map(locale => {
      const option = el("option", locale);
      option.value = locale;
      return option;
    }));
    $("dial").disabled = false;
  } catch (error) {
    say(status, error.message, "error");
  }
}

async function dial(event) {
  event.preventDefault();
  const body = { locale: $("locale").value };
  const callerId = $("caller-id").value.trim();
  if (callerId) body.callerId = callerId;
  say(status, "Dialling…");
  try {
    const view = await post("/calls", body);
    call = view.reference;
    $("reference").textContent = call;
    $("prompts").replaceChildren();
    $("events").replaceChildren();
    show(view);
    setInCall(true);
    say(status, "Connected.", "ok");
    stopStream = follow(`/calls/${encodeURIComponent(call)}/events`, onCallEvent);
    keys[0].focus();
  } catch (error) {
    say(status, error.message, "error");
  }
}

function onCallEvent(event) {
  const item = el("li");
  item.append(el("span", `${(event.at ?? "").slice(11, 19)} `), el("span", event.type, "type"));
  const words = [event.text, event.detail].filter(Boolean).join(" · ");
  if (words) item.append(el("span", ` ${words}`));
  $("events").append(item);
  // The lists scroll inside themselves; the page stays where the caller is.
  $("events").scrollTop = $("events").scrollHeight;

  if (event.node) {
    diagram.light(event.node);
    $("node").textContent = event.node;
  }
  switch (event.type) {
    case "prompt":
      $("prompts").append(el("li", event.text));
      $("prompts").scrollTop = $("prompts").scrollHeight;
      speak(event.text);
      break;
    case "state-changed":
      if (event.detail?.includes("->")) $("state").textContent = event.detail.split("->").pop().trim();
      break;
    case "queue-joined":
      $("queue").textContent = event.text;
      diagram.lightQueue(event.text);
      break;
    case "queue-left":
      $("queue").textContent = "–";
      diagram.lightQueue(null);
      break;
    case "agent-connected":
      $("queue").textContent = `with ${event.text}`;
      break;
    case "call-ended":
      ended(words);
      break;
  }
}

function ended(outcome) {
  stopStream?.();
  stopStream = null;
  call = null;
  $("state").textContent = "Ended";
  setInCall(false);
  say(status, outcome ? `Call ended: ${outcome}.` : "Call ended.", "ok");
  $("dial").focus();
}

/** Sends one input; the call's answer updates the facts, its events come on the stream. */
function send(path, body) {
  const reference = call;
  if (!reference) return Promise.resolve();
  inputs = inputs.then(async () => {
    try {
      const view = await post(`/calls/${encodeURIComponent(reference)}/${path}`, body);
      // The stream may already have ended the call (and said so): an answer that comes after it changes nothing.
      if (call !== reference) return;
      show(view);
      if (status.classList.contains("error")) say(status, "");
    } catch (error) {
      say(status, error.message, "error");
    }
  });
  return inputs;
}

function press(key) {
  const button = keys.find(b => b.dataset.key === key);
  if (!call || !button || button.disabled) return;
  button.classList.add("pressed");
  setTimeout(() => button.classList.remove("pressed"), 150);
  send("press", { keys: key });
}

function speak(text) {
  if (!$("voice").checked || !("speechSynthesis" in window)) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = $("locale").value;
  speechSynthesis.speak(utterance);
}

$("dial-form").addEventListener("submit", dial);
for (const button of keys) button.addEventListener("click", () => press(button.dataset.key));
$("say-form").addEventListener("submit", event => {
  event.preventDefault();
  const words = $("words").value.trim();
  if (!words) return;
  $("words").value = "";
  send("say", { words });
});
$("hangup").addEventListener("click", () => {
  if ("speechSynthesis" in window) speechSynthesis.cancel();
  send("hangup", {});
});
$("voice").addEventListener("change", () => {
  if (!$("voice").checked && "speechSynthesis" in window) speechSynthesis.cancel();
});
// The keyboard's number keys, * and # press the keypad, except while typing in a field.
document.addEventListener("keydown", event => {
  if (event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement) return;
  if (/^[0-9*#]$/.test(event.key) && call) {
    event.preventDefault();
    press(event.key);
  }
});

setInCall(false);
$("dial").disabled = true; // until the menu's languages are known
await Promise.all([loadMenu(), diagram.load()]);
