import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { CalendarYearData } from '../procedure/calendar/index.js';

/**
 * One year's statutory holidays and make-up workdays, as published by the
 * State Council (the notice is in `data.source`). Deadlines in a year with no
 * row are refused (CALENDAR_YEAR_NOT_LOADED), never counted as plain weekdays.
 */
@Entity({ tableName: 'calendar_year' })
export class CalendarYear {
  [OptionalProps]?: 'loadedAt' | 'loadedBy';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'json' })
  data!: CalendarYearData;

  @Property({ type: 'datetime' })
  loadedAt: Date = new Date();

  /** Officer who loaded it; null for the seeded years. */
  @Property({ type: 'uuid', nullable: true })
  loadedBy: string | null = null;
}
