import { pointerToDataPath } from './paths.js';
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
 * Moves focus to the field a JSON Pointer names (or, when it has no input of its own, to the first
 * field inside it) and scrolls it into view. Returns false when the field is not on the page.
 */
export const focusField = (pointer: string, root: ParentNode = document): boolean => {
  const path = pointerToDataPath(pointer);
  const anchors = Array.from(root.querySelectorAll(`[${FIELD_PATH_ATTRIBUTE}]`));
  const exact = anchors.find((anchor) => anchor.getAttribute(FIELD_PATH_ATTRIBUTE) === path);
  const inside = anchors.find((anchor) => anchor.getAttribute(FIELD_PATH_ATTRIBUTE)?.startsWith(`${path}.`));
  const target = [exact, inside]
    .filter((anchor): anchor is Element => anchor !== undefined)
    .map(firstFocusable)
    .find((element) => element !== null);
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
};
