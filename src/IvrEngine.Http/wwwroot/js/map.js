// The menu map: the served menu's diagram; a chosen node's prompts, options and timeouts
// (GET /menus/nodes); the located errors of a broken edit while the last good version serves
// (GET /menus/status, polled); redrawn when a new good version loads.
import { el, get } from "./api.js";
import { Diagram } from "./diagram.js";
import { renderNode } from "./nodes.js";

const $ = id => document.getElementById(id);
const POLL_MS = 1000;

let nodes = null;   // node id -> details, for the version drawn
let drawn = null;   // the version drawn
let note = "";      // what changed last, kept under the version line
const diagram = new Diagram($("diagram"), { selectable: true, onSelect: showNode });

async function showNode(id) {
  try {
    nodes ??= await loadNodes();
  } catch (error) {
    $("details").replaceChildren(el("p", error.message, "status error"));
    return;
  }
  const node = nodes.get(id);
  $("details-title").textContent = `Node ${id}`;
  $("details").replaceChildren(node ? renderNode(node) : el("p", `The service describes no node '${id}'.`, "muted"));
}

async function loadNodes() {
  const answer = await get("/menus/nodes");
  return new Map(answer.nodes.map(n => [n.id, n]));
}

async function poll() {
  let status;
  try {
    status = await get("/menus/status");
  } catch (error) {
    $("served").textContent = error.message;
    return;
  }
  showProblems(status);
  const version = status.version;
  if (version && version !== drawn) {
    if (drawn !== null) note = ` Redrawn: version ${version} replaced ${drawn}.`;
    drawn = version;
    nodes = null;
    await diagram.load();
    if (diagram.selected) await showNode(diagram.selected);
  }
  // Written only when it changes: a status region re-announces whatever is written to it.
  const line = `Serving ${status.menu}, version ${version}.${note}`;
  if ($("served").textContent !== line) $("served").textContent = line;
}

function showProblems(status) {
  const problems = status.problems ?? [];
  $("problems").hidden = problems.length === 0;
  if (problems.length === 0) return;
  $("problems-intro").textContent = "The last edit does not load; callers are still served the last good version drawn below.";
  $("problem-list").replaceChildren(...problems.map(p => {
    const item = el("li");
    item.append(el("code", `${p.file}:${p.line}:${p.column}`), ` ${p.severity} `, el("code", p.code), ` ${p.message}`);
    return item;
  }));
}

// The whole menu fits the box at first; actual size makes the words readable, with scrolling.
$("zoom").addEventListener("click", () => {
  const actual = $("diagram").classList.toggle("fit") === false;
  $("zoom").setAttribute("aria-pressed", String(actual));
  const chosen = diagram.selected && diagram.nodeElement(diagram.selected);
  if (actual && chosen) diagram.centre(chosen);
});

await poll();
setInterval(poll, POLL_MS);
