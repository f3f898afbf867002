import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';

/** Renders into a fresh container in the document; returns it and an unmount. */
export function mount(node: ComponentChild): { container: HTMLElement; unmount: () => void } {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container));
  return {
    container,
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
  };
}

/** Waits until `check` passes (Dexie live queries and debounces settle asynchronously). */
export async function until(check: () => void, timeout = 3000): Promise<void> {
  await vi.waitFor(check, { timeout, interval: 10 });
}

/** Types into an input or textarea as a reader would (sets the value, fires input). */
export function type(element: Element | null, value: string): void {
  const input = element as HTMLInputElement;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Picks a value of a select (fires change). */
export function choose(element: Element | null, value: string): void {
  const select = element as HTMLSelectElement;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(element: Element | null): void {
  if (!element) throw new Error('nothing to click');
  act(() => (element as HTMLElement).click());
}

/** Buttons inside `root` whose text is `label`. */
export function button(root: ParentNode, label: string): HTMLButtonElement | null {
  return ([...root.querySelectorAll('button')] as HTMLButtonElement[]).find((b) => b.textContent?.trim() === label) ?? null;
}

/** Ids of the notes shown, in order. */
export const shownIds = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('.note')].map((li) => li.dataset.noteId);
