// What the sprint services answer: a sprint with its items and capacity, and the inputs they take.

import type { SprintState } from '../../store/schema.js';

export interface SprintItemView {
  /** The item's key in the project (`T012`, or `tasks.md:T012` with several documents). */
  key: string;
  title: string;
  status: string;
  points: number | null;
  addedAt: string;
  /** True when the item joined after the sprint started. */
  addedAfterStart: boolean;
  /** In the sprint when it started (part of the frozen commitment). */
  committed: boolean;
}

export interface MemberCapacity {
  userId: string;
  name: string | null;
  role: string | null;
  hoursPerDay: number;
  daysOff: string[];
  /** Working days of the sprint the member is there. */
  days: number;
  hours: number;
}

export interface RoleCapacityView {
  role: string;
  /** Declared for the role, when it was. */
  declaredHours: number | null;
  /** Sum over the members holding the role. */
  memberHours: number;
  hours: number;
}

export interface CapacityView {
  members: MemberCapacity[];
  roles: RoleCapacityView[];
  totalHours: number;
}

export interface SprintView {
  id: string;
  number: number;
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
  /** Weekdays worked, 0 Sunday … 6 Saturday. */
  workingDays: number[];
  /** How many working days the sprint has. */
  days: number;
  state: SprintState;
  capacityPoints: number | null;
  committedPoints: number | null;
  committedItems: number | null;
  startedAt: string | null;
  closedAt: string | null;
  source: string;
  /** Items now in the sprint. */
  items: SprintItemView[];
  points: number;
  capacity: CapacityView;
}

export interface SprintInput {
  name?: string;
  goal?: string;
  startDate?: string;
  endDate?: string;
  workingDays?: Array<number | string>;
  capacityPoints?: number | null;
}

export interface CapacityInput {
  members?: Array<{ userId: string; hoursPerDay: number; daysOff?: string[]; role?: string | null }>;
  roles?: Array<{ role: string; hours: number }>;
}

export interface Actor {
  id: string;
}
