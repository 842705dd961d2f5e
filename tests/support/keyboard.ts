import type { Locator, Page } from 'playwright-core';

/**
 * Moves the focus with Tab (or Shift+Tab) until it is on `target`: the way a keyboard user gets there.
 * Fails when `max` presses do not reach it.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  max = 400,
): Promise<void> {
  await target.waitFor();
  for (let step = 0; step < max; step++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${String(target)} was not reached with ${key}`);
}

/** Tabs to a button or link and activates it with Enter. */
export async function activate(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  await tabTo(page, target, key);
  await page.keyboard.press('Enter');
}
