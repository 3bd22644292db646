export * from './common.ts';
export * from './geo.ts';
export * from './agencies.ts';
export * from './calendar.ts';
export * from './catalog.ts';
export * from './identity.ts';
export * from './dossiers.ts';
