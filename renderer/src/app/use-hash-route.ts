import { useEffect, useState } from 'react';

export const ROUTES = ['home', 'library', 'headsets', 'sessions', 'sync', 'settings', 'sign-in'] as const;
export type Route = (typeof ROUTES)[number];

/** Sign-in is reached from the top bar (and shown in place of pages that need a learner), not the sidebar. */
export const NAV_ROUTES = ROUTES.filter((route): route is Exclude<Route, 'sign-in'> => route !== 'sign-in');

function parse(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** The current section lives in the URL fragment so a reload (or a kiosk restart) returns to it. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
