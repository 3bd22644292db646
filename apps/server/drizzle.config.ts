import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema files and committed; they are applied from code at boot.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./apps/server/src/kernel/**/*.schema.ts', './apps/server/src/modules/*/*.schema.ts'],
  out: './apps/server/migrations',
  schemaFilter: ['kernel', 'geo', 'calendar', 'catalog', 'agencies', 'identity', 'registries', 'notifications', 'dossiers', 'exchange', 'tracker'],
  strict: true,
  verbose: false,
});
