// Writes docs/errors.md from the registry of error codes (`npm run docs:errors`).
import { writeFileSync } from 'node:fs';
import { renderErrorsDoc } from '../src/shared/errors-doc.ts';

writeFileSync(new URL('../docs/errors.md', import.meta.url), renderErrorsDoc());
