import type { TFunction } from 'i18next';
import type { AuditEntry } from './api';

/** Who acted: a name, "someone not signed in" for failed sign-ins, else the system itself. */
export function actorLabel(t: TFunction, entry: Pick<AuditEntry, 'actorName' | 'event'>): string {
  if (entry.actorName) return entry.actorName;
  return entry.event.startsWith('auth.') ? t('audit.anonymous') : t('audit.system');
}
