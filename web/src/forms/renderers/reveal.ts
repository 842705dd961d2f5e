import { type RefObject, useEffect } from 'react';
import { flushSync } from 'react-dom';

/** Attribute on a panel that may be hidden (a tab, a step, a closed list entry); its value names the renderer that can show it. */
export const REVEAL_ATTRIBUTE = 'data-form-reveal';
/** Attribute with the panel's index among its renderer's panels. */
export const REVEAL_INDEX_ATTRIBUTE = 'data-form-reveal-index';
/** Event sent to a hidden panel (not bubbling) to ask its renderer to show it. */
export const REVEAL_EVENT = 'formreveal';

/** The attributes of panel `index` of the renderer `owner`. */
export const revealAttributes = (owner: string, index: number) => ({
  [REVEAL_ATTRIBUTE]: owner,
  [REVEAL_INDEX_ATTRIBUTE]: index,
});

/**
 * Listens on `root` for requests to show one of the renderer's own hidden panels and shows it
 * synchronously, so the field is in the page when focus moves there right after.
 */
export const useRevealListener = (
  root: RefObject<HTMLElement | null>,
  owner: string,
  show: (index: number) => void,
): void => {
  useEffect(() => {
    const element = root.current;
    if (!element) return undefined;
    const reveal = (event: Event) => {
      const panel = event.target as HTMLElement;
      if (panel.getAttribute(REVEAL_ATTRIBUTE) !== owner) return;
      const index = Number(panel.getAttribute(REVEAL_INDEX_ATTRIBUTE));
      flushSync(() => show(index));
    };
    // Capture: the event does not bubble, so nested renderers each hear only their own panels.
    element.addEventListener(REVEAL_EVENT, reveal, true);
    return () => element.removeEventListener(REVEAL_EVENT, reveal, true);
    // After every render: the root element may appear later (a renderer shown by a rule).
  });
};
