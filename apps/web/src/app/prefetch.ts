/**
 * The sign-in page asks for the signed-in pages to be fetched early (router.tsx registers how)
 * without importing the router: a page's imports decide which feature texts it must declare
 * (locale-coverage.test.ts), and the router reaches every page.
 */
let prefetcher: () => void = () => undefined;

export function setSignedInPrefetch(fn: () => void) {
  prefetcher = fn;
}

export function prefetchSignedIn() {
  prefetcher();
}
