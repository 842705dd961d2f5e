import { pointerToDataPath } from './paths.js';
import { REVEAL_ATTRIBUTE, REVEAL_EVENT } from './renderers/reveal.js';
import { FIELD_PATH_ATTRIBUTE } from './renderers/index.js';

const FOCUSABLE =
  'input:not([type="hidden"]):not([aria-hidden="true"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex]';

const firstFocusable = (container: Element): HTMLElement | null => {
  const candidates = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => element.getAttribute('aria-hidden') !== 'true',
  );
  return candidates.find((element) => element.tabIndex >= 0) ?? candidates[0] ?? null;
};

/**
 * Shows the hidden panels (tabs, steps, closed list entries) around an element, outermost first: each asks the renderer
 * that owns it to select it, which happens synchronously.
 */
export const revealField = (element: Element): void => {
  const hiddenPanels: HTMLElement[] = [];
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node.hasAttribute(REVEAL_ATTRIBUTE) && node.hidden) hiddenPanels.unshift(node);
  }
  for (const panel of hiddenPanels) panel.dispatchEvent(new Event(REVEAL_EVENT, { bubbles: false }));
};

/**
 * Moves focus to the field a JSON Pointer names (or, when it has no input of its own, to the first
 * field inside it) and scrolls it into view; a field in another tab or step or in a closed list
 * entry is shown first.
 * Returns false when the field is not on the page.
 */
export const focusField = (pointer: string, root: ParentNode = document): boolean => {
  const path = pointerToDataPath(pointer);
  const anchors = Array.from(root.querySelectorAll(`[${FIELD_PATH_ATTRIBUTE}]`));
  const exact = anchors.find((anchor) => anchor.getAttribute(FIELD_PATH_ATTRIBUTE) === path);
  const inside = anchors.find((anchor) => anchor.getAttribute(FIELD_PATH_ATTRIBUTE)?.startsWith(`${path}.`));
  const found = [exact, inside]
    .filter((anchor): anchor is Element => anchor !== undefined)
    .map((anchor) => ({ anchor, element: firstFocusable(anchor) }))
    .find(({ element }) => element !== null);
  if (!found) return false;
  revealField(found.anchor);
  const target = found.element!;
  target.focus();
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
};
