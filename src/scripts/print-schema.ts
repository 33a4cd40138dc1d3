import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { printZhifaSchema } from '../schema/print-schema.js';

/** `npm run schema:print` rewrites schema.graphql; review the diff: it is the frontend contract. */
const file = join(projectRoot, 'schema.graphql');
writeFileSync(file, await printZhifaSchema());
console.log(`written ${file}`);
