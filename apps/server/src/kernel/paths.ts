import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (reference data lives in <root>/data with its provenance and licences). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export function referenceDataPath(...segments: string[]): string {
  return join(REPO_ROOT, 'data', ...segments);
}
