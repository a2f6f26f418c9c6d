import fp from 'fastify-plugin';

/** Routes of infrastructure plugins that are public by nature (API docs). */
const publicPrefixes = ['/api/docs'];

/**
 * Every route declares `config.access`: a permission, 'authenticated', or `public: true`.
 * A route without one makes the app fail at start, so nothing is left unguarded by accident.
 */
export const routeGuardPlugin = fp(async (app) => {
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: unknown };
    if (config.access) return;
    if (publicPrefixes.some((p) => route.url.startsWith(p)) || route.method === 'HEAD') {
      route.config = { ...(route.config ?? {}), access: { public: true } } as typeof route.config;
      return;
    }
    throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
  });
});
