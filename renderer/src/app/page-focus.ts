import { useEffect, useRef } from 'react';

/** Focuses the page's main heading (or the main region if the page has none yet), without scrolling past it. */
export function focusPage(main: HTMLElement | null): void {
  if (!main) return;
  const target = main.querySelector<HTMLElement>('h1') ?? main;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * After a navigation inside the app, focus moves to the new page's heading, as a page load would put a
 * screen reader at the top: otherwise focus stays on the sidebar link and nothing says the page changed.
 * Not on first load, where the browser's own start is right.
 */
export function useFocusOnNavigate(route: string, main: React.RefObject<HTMLElement | null>): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The next frame: the page's heading is rendered by then. A page that already put focus where the
    // user must act (the token field when sync needs a new one) keeps it there.
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (main.current && active instanceof HTMLElement && active !== main.current && main.current.contains(active)) return;
      focusPage(main.current);
    });
    return () => cancelAnimationFrame(frame);
  }, [route, main]);
}
