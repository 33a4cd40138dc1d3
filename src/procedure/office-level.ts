/** Levels of cyberspace office (国家 / 省级 / 地市级 / 县级). Ordered from the top. */
export const OFFICE_LEVELS = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/**
 * Levels an office directly below `parent` may have. A provincial-level office
 * may have county-level offices directly below it: the districts of the
 * municipalities directly under the central government (直辖市的区) are
 * county-level, with no municipal level in between.
 */
export function allowedChildLevels(parent: OfficeLevel): readonly OfficeLevel[] {
  switch (parent) {
    case 'NATIONAL':
      return ['PROVINCIAL'];
    case 'PROVINCIAL':
      return ['MUNICIPAL', 'COUNTY'];
    case 'MUNICIPAL':
      return ['COUNTY'];
    case 'COUNTY':
      return [];
  }
}

/** True when `level` is at `minimum` or higher (NATIONAL is highest). */
export function isAtLeast(level: OfficeLevel, minimum: OfficeLevel): boolean {
  return OFFICE_LEVELS.indexOf(level) <= OFFICE_LEVELS.indexOf(minimum);
}
