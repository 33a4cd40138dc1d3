import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryLunarTable } from '../calendar-data/lunar-library.js';
import { projectRoot } from '../paths.js';

/**
 * `npm run calendar:lunar-table`: regenerates src/calendar-data/statutory-lunar-dates.json
 * (the statute's lunar and 清明 dates, 2025–2100) from chinese-days, in Beijing time.
 */
const file = join(projectRoot, 'src/calendar-data/statutory-lunar-dates.json');
writeFileSync(file, JSON.stringify(libraryLunarTable(), null, 2) + '\n');
console.log(`written ${file}`);
