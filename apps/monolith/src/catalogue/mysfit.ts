import { GOOD_EVIL, LAW_CHAOS, MysfitDescription } from '@app/mysfits-data';

export interface Mysfit extends MysfitDescription {
  likes: number;
  adopted: boolean;
}

/** The two alignment axes the list can be filtered by, with the values each one takes. */
export const FILTERS = { GoodEvil: GOOD_EVIL, LawChaos: LAW_CHAOS } as const;
export type FilterAxis = keyof typeof FILTERS;
export interface MysfitFilter {
  axis: FilterAxis;
  value: string;
}
