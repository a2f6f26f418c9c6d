const secretFields = new Set(['passwordHash', 'password', 'csrfToken', 'totpSecret', 'recoveryCodes']);

export type Diff = Record<string, { from: unknown; to: unknown }>;

/** Field-by-field changes between two snapshots, without secrets. */
export function diffOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Diff {
  const diff: Diff = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (secretFields.has(key) || key === 'updatedAt' || key === 'createdAt') continue;
    const from = normalize(before?.[key]);
    const to = normalize(after?.[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) diff[key] = { from, to };
  }
  return diff;
}

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
