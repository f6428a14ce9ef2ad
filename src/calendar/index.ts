/** Business hours and desk contacts of the desks a conversation can hand off to. */
export { type Closure, ClosureParseError, isClosureDay, type MonthDay, parseClosures } from './closures.js';
export { describeAvailability, describeContact, describeHours } from './describe.js';
export {
  DESKS,
  type Desk,
  type DeskId,
  getDesk,
  type StaffedDesk,
  type TimeWindow,
  timeWindow,
  type WebOnlyDesk,
} from './desks.js';
export {
  HOLIDAY_TABLE_LAST_YEAR,
  type HolidayTableStatus,
  holidaysKnownFor,
  holidayTableStatus,
} from './holiday-table.js';
export { isBusinessDay, isOpen, isPublicHoliday, nextOpening } from './hours.js';
export { type TokyoDate, type TokyoMoment, tokyoInstant, toTokyo } from './tokyo-time.js';
