import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122073438 } from './Migration20261122073438.js';
import { Migration20261122073646 } from './Migration20261122073646.js';
import { Migration20261122074425 } from './Migration20261122074425.js';
import { Migration20261122063052 } from './Migration20261122063052.js';
import { Migration20261122063938 } from './Migration20261122063938.js';
import { Migration20261122064243 } from './Migration20261122064243.js';
import { Migration20261122064726 } from './Migration20261122064726.js';
import { Migration20261122065531 } from './Migration20261122065531.js';
import { Migration20261122065851 } from './Migration20261122065851.js';
import { Migration20261122072207 } from './Migration20261122072207.js';
import { Migration20261203101000 } from './Migration20261203101000.js';
import { Migration20261203102000 } from './Migration20261203102000.js';
import { Migration20261203105000 } from './Migration20261203105000.js';
import { Migration20261203108000 } from './Migration20261203108000.js';
import { Migration20261203109000 } from './Migration20261203109000.js';
import { Migration20261203107000 } from './Migration20261203107000.js';
import { Migration20261203120000 } from './Migration20261203120000.js';
import { Migration20261203130000 } from './Migration20261203130000.js';
import { Migration20261203131000 } from './Migration20261203131000.js';
import { Migration20261203132000 } from './Migration20261203132000.js';
import { Migration20261204100000 } from './Migration20261204100000.js';

/** Every committed migration, in order. Never edit one that has shipped: add a new one. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122063052', class: Migration20261122063052 },
  { name: 'Migration20261122063938', class: Migration20261122063938 },
  { name: 'Migration20261122064243', class: Migration20261122064243 },
  { name: 'Migration20261122064726', class: Migration20261122064726 },
  { name: 'Migration20261122065531', class: Migration20261122065531 },
  { name: 'Migration20261122065851', class: Migration20261122065851 },
  { name: 'Migration20261122072207', class: Migration20261122072207 },
  { name: 'Migration20261122073438', class: Migration20261122073438 },
  { name: 'Migration20261122073646', class: Migration20261122073646 },
  { name: 'Migration20261122074425', class: Migration20261122074425 },
  { name: 'Migration20261203101000', class: Migration20261203101000 },
  { name: 'Migration20261203102000', class: Migration20261203102000 },
  { name: 'Migration20261203105000', class: Migration20261203105000 },
  { name: 'Migration20261203107000', class: Migration20261203107000 },
  { name: 'Migration20261203108000', class: Migration20261203108000 },
  { name: 'Migration20261203109000', class: Migration20261203109000 },
  { name: 'Migration20261203120000', class: Migration20261203120000 },
  { name: 'Migration20261203130000', class: Migration20261203130000 },
  { name: 'Migration20261203131000', class: Migration20261203131000 },
  { name: 'Migration20261203132000', class: Migration20261203132000 },
  { name: 'Migration20261204100000', class: Migration20261204100000 },
];
