/** Module boundaries of architecture.md §2, enforced in `npm run check` and CI. */
module.exports = {
  forbidden: [
    {
      name: 'kernel-depends-on-nothing-above',
      comment: 'The kernel holds mechanisms only; it never imports modules or the composition root (test helpers excepted).',
      severity: 'error',
      from: { path: '^apps/server/src/kernel/', pathNot: '^apps/server/src/kernel/testing/' },
      to: { path: '^apps/server/src/(modules|main)/' },
    },
    {
      name: 'modules-meet-at-public-api',
      comment: "A module reaches another module only through its index.ts or its *.events.ts.",
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/',
        pathNot: ['^apps/server/src/modules/$1/', '^apps/server/src/modules/[^/]+/(index|[^/]+\\.events)\\.ts$', '^apps/server/src/modules/[^/]+/testing/'],
      },
    },
    {
      name: 'testing-helpers-stay-in-tests',
      comment: "A module's testing/ helpers (test actors, fixtures) are for tests, never for production code.",
      severity: 'error',
      from: { path: '^apps/server/src/', pathNot: ['\\.test\\.ts$', '/testing/'] },
      to: { path: '^apps/server/src/modules/[^/]+/testing/' },
    },
    {
      name: 'foundation-does-not-call-features',
      comment: 'Layer 1–2 modules never call layer 3–4 modules; upward communication goes through events.',
      severity: 'error',
      from: { path: '^apps/server/src/modules/(geo|calendar|identity|agencies|catalog|registries|tracker|documents|payments|notify|audit|workflow)/' },
      to: { path: '^apps/server/src/modules/(dossiers|feedback|reporting|exchange|opendata)/index\\.ts$' },
    },
    {
      name: 'exchange-does-not-call-features',
      comment: 'The exchange gateway is layer 2: it reaches the layers above only through ports wired in main/modules.ts.',
      severity: 'error',
      from: { path: '^apps/server/src/modules/exchange/' },
      to: { path: '^apps/server/src/modules/(dossiers|feedback|reporting|opendata)/index\\.ts$' },
    },
    {
      name: 'main-is-not-imported',
      comment: 'Only scripts and test helpers may import the composition root.',
      severity: 'error',
      from: { path: '^apps/server/src/(kernel|modules)/', pathNot: ['^apps/server/src/kernel/testing/'] },
      to: { path: '^apps/server/src/main/' },
    },
    {
      name: 'contracts-are-standalone',
      comment: 'packages/contracts is shared with the web app: it depends on zod only.',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'apps/server/tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
