/** Levels of cyberspace office (国家 / 省级 / 地市级 / 县级). Ordered from the top. */
export const OFFICE_LEVELS = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/** A child office sits exactly one level below its parent. */
export function childLevelOf(parent: OfficeLevel): OfficeLevel | undefined {
  return OFFICE_LEVELS[OFFICE_LEVELS.indexOf(parent) + 1];
}

/** True when `level` is at `minimum` or higher (NATIONAL is highest). */
export function isAtLeast(level: OfficeLevel, minimum: OfficeLevel): boolean {
  return OFFICE_LEVELS.indexOf(level) <= OFFICE_LEVELS.indexOf(minimum);
}
