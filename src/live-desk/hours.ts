/**
 * When live chat with a person is possible, from the business calendar: the staffed desks that handle the
 * procedure (`desksFor`), open when any of them is open. A procedure whose desks publish no hours (みえますねっと
 * has only a web page) is served by the staffed desks' hours, since the chat agents are the contact center.
 */
import type { Closure } from '../calendar/closures.js';
import { desksFor } from '../calendar/desk-contacts.js';
import { DESKS, type Desk, getDesk, type StaffedDesk } from '../calendar/desks.js';
import { isOpen, nextOpening } from '../calendar/hours.js';

export interface LiveHours {
  isOpen(dialogId: string | undefined, now: Date): boolean;
  /** When a person is next available (`now` itself when open); `undefined` when the calendar cannot say. */
  nextOpening(dialogId: string | undefined, now: Date): Date | undefined;
}

function staffed(desks: readonly Desk[]): StaffedDesk[] {
  return desks.filter((desk): desk is StaffedDesk => desk.kind === 'staffed');
}

function staffedDesksFor(dialogId: string | undefined): StaffedDesk[] {
  const own = staffed(desksFor(dialogId).map(getDesk));
  return own.length > 0 ? own : staffed(Object.values(DESKS));
}

export function calendarHours(closures: readonly Closure[]): LiveHours {
  return {
    isOpen: (dialogId, now) => staffedDesksFor(dialogId).some((desk) => isOpen(desk, now, closures)),
    nextOpening(dialogId, now) {
      let earliest: Date | undefined;
      for (const desk of staffedDesksFor(dialogId)) {
        try {
          const next = nextOpening(desk, now, closures);
          if (!earliest || next < earliest) earliest = next;
        } catch {
          // A closure list covering every business day: this desk never opens; the others may.
        }
      }
      return earliest;
    },
  };
}
