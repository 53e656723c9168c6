import { useEffect, useState } from 'react';

export const ROUTES = ['home', 'sessions', 'lesson-plays', 'courses', 'exercises', 'progress', 'class', 'library', 'headsets', 'sync', 'settings', 'sign-in', 'instructor', 'cast'] as const;
export type Route = (typeof ROUTES)[number];

/** Pages that change other people's data or the kiosk itself: main refuses their actions to anyone else too. */
export const INSTRUCTOR_ROUTES: readonly Route[] = ['progress', 'class', 'library', 'headsets', 'cast', 'sync', 'settings'];

/** What a learner (or a signed-out kiosk) sees in the sidebar; sign-in is reached from the top bar. */
export const LEARNER_NAV: readonly Route[] = ['home', 'sessions', 'lesson-plays', 'courses', 'exercises'];
export const INSTRUCTOR_NAV: readonly Route[] = ['home', 'sessions', 'lesson-plays', 'courses', 'exercises', ...INSTRUCTOR_ROUTES];

export function isInstructorRoute(route: Route): boolean {
  return INSTRUCTOR_ROUTES.includes(route);
}

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
