import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';

export const userRoutes: FastifyPluginAsyncZod<AppDeps> = async () => {};
