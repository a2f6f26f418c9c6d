import { activitiesGen } from './activities.gen';
import { aidGen } from './aid.gen';
import { auditGen } from './audit.gen';
import { withIndexesDeferred } from './bulk-insert';
import { careRecordsGen } from './care-records.gen';
import { careRulesGen } from './care-rules.gen';
import { childrenGen } from './children.gen';
import { concernsGen } from './concerns.gen';
import { consentsGen } from './consents.gen';
import { counselingGen } from './counseling.gen';
import { healthChecksGen } from './health-checks.gen';
import { lettersGen } from './letters.gen';
import { mailboxGen } from './mailbox.gen';
import { orgsGen } from './orgs.gen';
import { pairingsGen } from './pairings.gen';
import { termsGen } from './terms.gen';
import { usersGen } from './users.gen';
import type { GenPart } from './world';

/** A part that loads many rows: its tables' plain indexes are built once, after the load. */
const deferringIndexes = (part: GenPart): GenPart => ({
  ...part,
  run: (ctx) => withIndexesDeferred(ctx.db, part.tables, () => part.run(ctx)),
});

/**
 * The generator's parts in the order they run; each feature adds its own file and a line here
 * (after the parts whose records it builds on). The audit log comes last: it describes the rest.
 */
export const genParts: readonly GenPart[] = [
  orgsGen,
  usersGen,
  termsGen,
  deferringIndexes(childrenGen),
  careRulesGen,
  pairingsGen,
  consentsGen,
  deferringIndexes(careRecordsGen),
  deferringIndexes(healthChecksGen),
  deferringIndexes(activitiesGen),
  deferringIndexes(aidGen),
  counselingGen,
  mailboxGen,
  concernsGen,
  deferringIndexes(lettersGen),
  deferringIndexes(auditGen),
];
