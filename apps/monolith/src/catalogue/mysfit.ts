export const GOOD_EVIL = ['Good', 'Neutral', 'Evil'] as const;
export const LAW_CHAOS = ['Lawful', 'Neutral', 'Chaotic'] as const;

export type GoodEvil = (typeof GOOD_EVIL)[number];
export type LawChaos = (typeof LAW_CHAOS)[number];

export interface Mysfit {
  id: string;
  name: string;
  species: string;
  description: string;
  age: number;
  goodEvil: GoodEvil;
  lawChaos: LawChaos;
  thumbImageUri: string;
  profileImageUri: string;
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
