#!/usr/bin/env bash
# Generates and commits one drizzle migration while several engineers share this tree.
#
#   scripts/new-migration.sh <name> <your table/schema files...>
#
# Holds a lock so that only one migration is generated at a time, adds your table files and the
# export lines you put in apps/server/src/db/schema.ts, generates the migration from the last
# committed snapshot, shows it, and commits migration + snapshot + your files at once. Because every
# export in schema.ts is committed together with the migration that creates its tables, the next
# engineer's migration contains only their own tables. The migration is generated in a scratch work
# tree holding HEAD plus only the files you name, so others' uncommitted table edits stay out of it.
#
# Before running: add your `export { ... } from '../modules/<yours>/<yours>.table';` line(s) to
# schema.ts (and nothing else there). To append hand-written SQL (triggers, partial indexes drizzle
# cannot express), run with EDIT=1: the script stops after generating so you can append to the new
# .sql file; then run `scripts/new-migration.sh --commit <name> <files...>` to commit.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/shouwang-migration.lock
flock 9
commit_only=0
if [ "${1:-}" = "--commit" ]; then commit_only=1; shift; fi
name="$1"; shift
if [ "$commit_only" = 0 ]; then
  # Generate in a scratch work tree at HEAD holding only your files (and schema.ts) from this tree,
  # plus the migrations folder as it is here: another engineer's uncommitted edit of a table file
  # would otherwise be swallowed by your migration.
  scratch=$(mktemp -d /tmp/new-migration.XXXXXX)
  git worktree add -q --detach "$scratch/tree" HEAD
  trap 'git worktree remove --force "$scratch/tree"; rm -rf "$scratch"' EXIT
  ln -s "$PWD/node_modules" "$scratch/tree/node_modules"
  for f in apps/server/src/db/schema.ts "$@"; do mkdir -p "$scratch/tree/$(dirname "$f")"; cp "$f" "$scratch/tree/$f"; done
  rm -rf "$scratch/tree/apps/server/src/db/migrations"; cp -a apps/server/src/db/migrations "$scratch/tree/apps/server/src/db/"
  (cd "$scratch/tree" && npx drizzle-kit generate --config apps/server/drizzle.config.ts --name "$name")
  cp -a "$scratch/tree/apps/server/src/db/migrations/." apps/server/src/db/migrations/
  latest=$(ls apps/server/src/db/migrations/*.sql | sort | tail -1)
  echo "---- $latest"; cat "$latest"
  if [ "${EDIT:-0}" = 1 ]; then echo "EDIT=1: append your SQL to $latest, then run: $0 --commit $name $*"; exit 0; fi
fi
git add apps/server/src/db/migrations apps/server/src/db/schema.ts "$@"
git commit -m "migration: $name" -- apps/server/src/db/migrations apps/server/src/db/schema.ts "$@"
