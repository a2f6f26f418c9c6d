import type { Language } from '@shouwang/shared';
import type { Actor } from './authz/actor';

/** What a use case needs to know about the request it serves. */
export interface RequestContext {
  actor: Actor | null;
  ip: string;
  requestId: string;
  language: Language;
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new Error('requireActor on an anonymous request');
  return ctx.actor;
}
