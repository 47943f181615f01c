/**
 * The part of a DOM element the browser tests read inside `evaluateAll` callbacks. The project
 * compiles without the DOM lib (it runs on Node), so Playwright's element types do not resolve;
 * annotating the callback with this keeps what the tests touch typed.
 */
export interface PageElement {
  getAttribute(name: string): string | null;
  /** Layout box in CSS pixels. */
  getBoundingClientRect(): { top: number; height: number; right: number; width: number };
}
