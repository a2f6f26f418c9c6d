import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';

export const auditRoutes: FastifyPluginAsyncZod<AppDeps> = async () => {};
