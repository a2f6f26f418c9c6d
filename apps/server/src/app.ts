import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import type { AppConfig } from './env';
import { installDataProtection, loadDataKeys } from './lib/crypto/data-keys';
import { activityRoutes } from './modules/activities/activities.routes';
import { activityRoomRoutes } from './modules/activities/activity-room.routes';
import { aidRoutes } from './modules/aid/aid.routes';
import { assessmentRoutes } from './modules/assessment/assessment.routes';
import { attachmentRoutes } from './modules/attachments/attachments.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { AttemptThrottle } from './modules/auth/throttle';
import { careRecordRoutes } from './modules/care-records/care-records.routes';
import { careRuleRoutes } from './modules/care-rules/care-rules.routes';
import { childRoutes } from './modules/children/children.routes';
import { childFileRoutes } from './modules/children/children-files.routes';
import { familyRoutes } from './modules/children/family.routes';
import { concernRoutes } from './modules/concerns/concerns.routes';
import { counselingRoutes } from './modules/counseling/counseling.routes';
import { healthCheckRoutes } from './modules/health-checks/health-checks.routes';
import { learningRoutes } from './modules/learning/learning.routes';
import { letterRoutes } from './modules/letters/letters.routes';
import { mailboxRoutes } from './modules/mailbox/mailbox.routes';
import { mailboxPublicRoutes } from './modules/mailbox/mailbox-public.routes';
import { orgRoutes } from './modules/orgs/orgs.routes';
import { pairingRoutes } from './modules/pairings/pairings.routes';
import { pledgeRoutes } from './modules/pledges/pledges.routes';
import { privacyRoutes } from './modules/privacy/privacy.routes';
import { reportRoutes } from './modules/reports/reports.routes';
import { statsRoutes } from './modules/stats/stats.routes';
import { systemRoutes } from './modules/system/system.routes';
import { targetRoutes } from './modules/targets/targets.routes';
import { termRoutes } from './modules/terms/terms.routes';
import { complianceChildrenRoutes } from './modules/todos/compliance-children.routes';
import { todoRoutes } from './modules/todos/todos.routes';
import { userRoutes } from './modules/users/users.routes';
import { errorHandlerPlugin } from './plugins/error-handler';
import { routeGuardPlugin } from './plugins/route-guard';
import { helmetOptions, securityHeadersPlugin } from './plugins/security-headers';
import { sessionPlugin } from './plugins/session';

export interface AppDeps {
  database: Database;
  config: AppConfig;
  loginThrottle: AttemptThrottle;
}

/** Paths of the whisper mailbox's public page and API, whose callers are never logged by address. */
const isAnonymousPath = (url: string) => url.startsWith('/api/public/mailbox') || url.startsWith('/m/');

export interface BuildOptions {
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read what is logged). */
  logStream?: { write(line: string): void };
}

export async function buildApp(database: Database, config: AppConfig, options: BuildOptions = {}) {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Personal data never reaches the log: no bodies, no cookies, no tokens.
            redact: [
              'req.headers.cookie',
              'req.headers["x-csrf-token"]',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
            ],
            // No query strings in the log: a search by full ID number (`?q=…`) would write it there.
            serializers: {
              req: (request) => ({
                method: request.method,
                url: request.url.split('?')[0],
                // The whisper mailbox promises children that no address is kept: none is logged either.
                ...(isAnonymousPath(request.url) ? {} : { remoteAddress: request.ip }),
              }),
            },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // The data keys (encryption at rest); server.ts has loaded them already, tests get them from config.
  installDataProtection(loadDataKeys(config));
  const deps: AppDeps = { database, config, loginThrottle: new AttemptThrottle(config.login.throttleWindowMs) };

  await app.register(errorHandlerPlugin);
  await app.register(routeGuardPlugin);
  await app.register(cookie);
  await app.register(securityHeadersPlugin, { helmet: helmetOptions });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Shouwang 守望 API', version: '0.1.0', description: 'Care platform for left-behind children' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sw_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(sessionPlugin, { database, config });

  // On shutdown, answers still in flight close their connection: otherwise close() waits for
  // idle keep-alive sockets to time out (72 s), well past the grace period of server.ts.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // One synchronous hook for every answer (no promise per hook and request).
  app.addHook('onSend', (request, reply, payload, done) => {
    // Personal data must not sit in caches.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  await app.register(
    async (api) => {
      await api.register(systemRoutes, deps);
      await api.register(authRoutes, deps);
      await api.register(orgRoutes, deps);
      await api.register(termRoutes, deps);
      await api.register(userRoutes, deps);
      await api.register(auditRoutes, deps);
      await api.register(childRoutes, deps);
      await api.register(familyRoutes, deps);
      await api.register(pairingRoutes, deps);
      await api.register(careRuleRoutes, deps);
      await api.register(careRecordRoutes, deps);
      await api.register(todoRoutes, deps);
      await api.register(statsRoutes, deps);
      await api.register(targetRoutes, deps);
      await api.register(healthCheckRoutes, deps);
      await api.register(learningRoutes, deps);
      await api.register(complianceChildrenRoutes, deps);
      await api.register(attachmentRoutes, deps);
      await api.register(childFileRoutes, deps);
      await api.register(activityRoutes, deps);
      await api.register(activityRoomRoutes, deps);
      await api.register(aidRoutes, deps);
      await api.register(letterRoutes, deps);
      await api.register(mailboxRoutes, deps);
      await api.register(mailboxPublicRoutes, deps);
      await api.register(pledgeRoutes, deps);
      await api.register(counselingRoutes, deps);
      await api.register(concernRoutes, deps);
      await api.register(reportRoutes, deps);
      await api.register(privacyRoutes, deps);
      await api.register(assessmentRoutes, deps);
    },
    { prefix: '/api' },
  );

  await registerWebApp(app, config.webDist);
  return app;
}

/** Serves the built web app; unknown non-API paths get index.html so client routes work. */
async function registerWebApp(app: FastifyInstance, webDist: string) {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { config: { access: { public: true } } }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('The web app is not built yet: run `npm run build`.'),
    );
    return;
  }
  // The build writes .br/.gz beside each file (apps/web/vite.config.ts); browsers that accept them get those.
  await app.register(fastifyStatic, { root: webDist, serve: false, preCompressed: true });
  app.get('/*', { config: { access: { public: true } } }, (request, reply) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      return reply.callNotFound();
    }
    if (urlPath.startsWith('/api/')) {
      return reply.callNotFound();
    }
    const file = path.normalize(path.join(webDist, urlPath));
    if (file.startsWith(webDist + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const immutable = urlPath.startsWith('/assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(path.relative(webDist, file));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
