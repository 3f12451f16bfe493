/**
 * Import rules that `npm run depcheck` (inside `npm test`) enforces on `src/`.
 * The layers, lowest first (docs/ARCHITECTURE.md draws them):
 *   lib · db · web → core features (incl. notifications) → services → section features → catalogue
 *   → search · opendata · dashboard · home · jobs → (governance features) → demo → app.ts
 * demo sits on top because its review story runs the real review actions (issue 12 item 8).
 * @type {import('dependency-cruiser').IConfiguration}
 */
const CORE = '(agencies|accounts|laws|calendar|settings|audit|notifications)'
const SECTIONS = '(processes|forms|offices|channels)'
const EDGE = '(search|opendata|dashboard|home)'
const GOVERNANCE = '(reviews|feedback|indicators|evaluation|backup)'
// Everything above the governance features: nothing in src/features below may import it.
const TOP = '(demo|site-pages)'
const F = '^src/features/'

/** A rule that forbids `from` importing any file under one of `to`. */
const below = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: '\\.test\\.ts$|\\.test-helpers\\.ts$' },
  to: { path: to },
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle among src files, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'features-through-index',
      comment: 'A feature imports another feature only through its index.ts.',
      severity: 'error',
      from: { path: `${F}([^/]+)/` },
      to: {
        path: `${F}[^/]+/`,
        // Tests may also use another feature's `*.test-helpers.ts` (test data builders).
        pathNot: [`${F}$1/`, `${F}[^/]+/index\\.ts$`, '\\.test-helpers\\.ts$'],
      },
    },
    {
      name: 'routes-only-from-app',
      comment: 'Route modules are imported by app.ts alone (and by tests).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app\\.ts$', '\\.test\\.ts$'] },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'no-main-from-features',
      comment: 'The composition root is not a library.',
      severity: 'error',
      from: { path: '^src/(features|lib|db|web|jobs)/' },
      to: { path: '^src/(main|app|cli)\\.ts$' },
    },
    below('shared-core-imports-no-feature', 'lib, db and web import no feature.',
      '^src/(lib|db|web)/', '^src/(features|jobs)/'),
    below('lib-is-framework-free', 'lib imports neither db nor web.', '^src/lib/', '^src/(db|web)/'),
    below('core-below-services', 'Core features import no catalogue feature.',
      `${F}${CORE}/`, `${F}(services|${SECTIONS.slice(1, -1)}|catalogue|${EDGE.slice(1, -1)}|${GOVERNANCE.slice(1, -1)}|${TOP.slice(1, -1)})/|^src/jobs/`),
    below('services-below-sections', 'The catalogue core imports no section feature or anything above.',
      `${F}services/`, `${F}(${SECTIONS.slice(1, -1)}|catalogue|${EDGE.slice(1, -1)}|${GOVERNANCE.slice(1, -1)}|${TOP.slice(1, -1)})/|^src/jobs/`),
    below('sections-below-catalogue', 'Section features import no other section and nothing above them.',
      `${F}${SECTIONS}/`, `${F}(catalogue|${EDGE.slice(1, -1)}|${GOVERNANCE.slice(1, -1)}|${TOP.slice(1, -1)})/|^src/jobs/`),
    below('catalogue-below-edge', 'catalogue imports nothing above it.',
      `${F}catalogue/`, `${F}(${EDGE.slice(1, -1)}|${GOVERNANCE.slice(1, -1)}|${TOP.slice(1, -1)})/|^src/jobs/`),
    below('edge-below-governance', 'search, opendata, dashboard and home import no governance feature.',
      `${F}${EDGE}/`, `${F}(${GOVERNANCE.slice(1, -1)}|${TOP.slice(1, -1)})/`),
    below('governance-below-demo', 'Governance features (and the jobs) import no demo data.',
      `${F}${GOVERNANCE}/|^src/jobs/`, `${F}${TOP}/`),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|test|bench)/' },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
