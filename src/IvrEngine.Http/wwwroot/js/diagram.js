// The menu diagram the service draws (GET /menus/diagram.svg), placed inline so its nodes can be lit
// and chosen. Nodes are <g class="node" id="node-{id}" data-node="{id}">, queues
// <g class="queue" id="queue-{id}" data-queue="{id}">; each box's outline has the class "shape".
import { el } from "./api.js";

export class Diagram {
  constructor(container, { selectable = false, onSelect } = {}) {
    this.container = container;
    this.selectable = selectable;
    this.onSelect = onSelect;
    this.current = null;
    this.currentQueue = null;
    this.selected = null;
    if (selectable) container.classList.add("selectable");
  }

  /** Fetches and draws the diagram; true when drawn. A service without one shows why. */
  async load() {
    let response;
    try {
      response = await fetch("/menus/diagram.svg", { headers: { Accept: "image/svg+xml" } });
    } catch {
      this.#message("The service cannot be reached.");
      return false;
    }
    if (!response.ok) {
      this.#message(response.status === 404 ? "This service does not draw the menu diagram." : `The diagram could not be drawn (${response.status}).`);
      return false;
    }
    const parsed = new DOMParser().parseFromString(await response.text(), "image/svg+xml");
    const svg = parsed.documentElement;
    if (svg.nodeName !== "svg") {
      this.#message("The diagram could not be read.");
      return false;
    }
    // Scripts and event attributes never run from a parsed document imported this way, and the
    // Content-Security-Policy forbids inline script anyway.
    const drawn = document.importNode(svg, true);
    drawn.setAttribute("role", "img");
    drawn.setAttribute("aria-label", "Menu diagram");
    if (this.selectable) drawn.setAttribute("role", "group");
    this.container.replaceChildren(drawn);
    this.svg = drawn;
    if (this.selectable) this.#makeSelectable();
    if (this.current) this.light(this.current);
    if (this.currentQueue) this.lightQueue(this.currentQueue);
    if (this.selected) this.select(this.selected, false);
    return true;
  }

  nodes() {
    return this.svg ? [...this.svg.querySelectorAll("g.node[data-node]")] : [];
  }

  nodeElement(id) {
    return this.nodes().find(n => n.dataset.node === id) ?? null;
  }

  /** Lights the node a caller is at (and scrolls it into view); null puts the light out. */
  light(id) {
    this.current = id;
    for (const node of this.nodes()) node.classList.toggle("current", node.dataset.node === id);
    const lit = id ? this.nodeElement(id) : null;
    if (lit) this.centre(lit);
    return lit !== null;
  }

  /** Scrolls the diagram's box (not the page) so that the element is in its middle. */
  centre(element) {
    // The element's middle in the picture's own pixels (its transforms and the viewBox's scale applied).
    const box = element.getBBox();
    const middle = new DOMPoint(box.x + (box.width / 2), box.y + (box.height / 2)).matrixTransform(element.getCTM());
    this.container.scrollLeft = middle.x - (this.container.clientWidth / 2);
    this.container.scrollTop = middle.y - (this.container.clientHeight / 2);
  }

  /** Lights the queue a caller waits in (beside their node); null puts it out. */
  lightQueue(id) {
    this.currentQueue = id;
    if (!this.svg) return false;
    let found = false;
    for (const queue of this.svg.querySelectorAll("g.queue[data-queue]")) {
      const lit = queue.dataset.queue === id;
      queue.classList.toggle("current", lit);
      found ||= lit;
    }
    return found;
  }

  select(id, notify = true) {
    this.selected = id;
    for (const node of this.nodes()) {
      const chosen = node.dataset.node === id;
      node.classList.toggle("selected", chosen);
      node.setAttribute("aria-pressed", String(chosen));
    }
    if (notify) this.onSelect?.(id);
  }

  #makeSelectable() {
    for (const node of this.nodes()) {
      const id = node.dataset.node;
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", `Node ${id}: show its prompts, options and timeouts`);
      node.addEventListener("click", () => this.select(id));
      node.addEventListener("keydown", event => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          this.select(id);
        }
      });
    }
  }

  #message(text) {
    this.svg = null;
    this.container.replaceChildren(el("p", text, "muted"));
  }
}
