import type { Actor } from '../../lib/authz/actor';
import { grantsFor, inScope } from '../../lib/authz/scope';

/**
 * Who may do what with 致家长的一封信. Templates belong to a school: they are read by anyone holding
 * `letter.read` at, above or inside the school (a class teacher reads the school's templates) and
 * edited by holders of `letter.template_edit` over the school (its administrators). Letters of a
 * class or school are generated, and marked sent, by holders of `letter.send` over that unit.
 */

interface Unit {
  path: string;
}

/** A grant of `letter.read` above, at or below the unit. */
export const canReadLettersAt = (actor: Actor, unit: Unit) =>
  grantsFor(actor, 'letter.read').some((g) => unit.path.startsWith(g.orgPath) || g.orgPath.startsWith(unit.path));

export const canEditTemplatesOf = (actor: Actor, school: Unit) => inScope(actor, 'letter.template_edit', school.path);

/** The delivery list of a class: read grants over the class itself. */
export const canReadRosterOf = (actor: Actor, unit: Unit) => inScope(actor, 'letter.read', unit.path);

export const canSendLettersOf = (actor: Actor, unit: Unit) => inScope(actor, 'letter.send', unit.path);

/** Whether the actor may send letters for some unit of the school (the whole school or a class). */
export const sendsLettersIn = (actor: Actor, school: Unit) =>
  grantsFor(actor, 'letter.send').some((g) => school.path.startsWith(g.orgPath) || g.orgPath.startsWith(school.path));

export function templateAbilities(actor: Actor, school: Unit, template: { kind: string }) {
  const edit = canEditTemplatesOf(actor, school);
  return { update: edit, delete: edit && template.kind === 'custom', generate: sendsLettersIn(actor, school) };
}
