import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildZhifaSchema } from './build-schema.js';

/** The committed contract: the SDL, sorted so that moving code around does not change it. */
export async function printZhifaSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildZhifaSchema())) + '\n';
}
